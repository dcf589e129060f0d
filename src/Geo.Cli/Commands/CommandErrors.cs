using Geo.Core.Sources;

namespace Geo.Cli.Commands;

/// <summary>Turns bad input into one clear line on stderr and exit code 2, never a stack trace.</summary>
internal static class CommandErrors
{
    public const int BadInput = 2;

    public static int Run(Func<int> action)
    {
        try
        {
            return action();
        }
        catch (GeoDataException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return BadInput;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return BadInput;
        }
    }
}
