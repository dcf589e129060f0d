using Geo.Core.Sources;
using Geo.Query;

namespace Geo.Cli.Commands;

/// <summary>Turns bad input into one clear line on stderr and exit code 2, never a stack trace.</summary>
internal static class CommandErrors
{
    public const int BadInput = 2;

    /// <summary>Exit code when the request was understood but nothing could be listed (the reason is on stderr).</summary>
    public const int NothingListed = 1;

    /// <summary>Exit code when the database cannot be reached or does not hold what is needed.</summary>
    public const int DatabaseFailed = 3;

    public static int Run(Func<int> action)
    {
        try
        {
            return action();
        }
        catch (QueryException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return BadInput;
        }
        catch (Geo.Data.Upload.IndicatorUploadException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return BadInput;
        }
        catch (GeoDataException e)
        {
            // one line, whatever a file's text quoted in the message holds
            Console.Error.WriteLine($"error: {e.Message.ReplaceLineEndings(" ")}");
            return BadInput;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return BadInput;
        }
        catch (Geo.Postgres.StoreException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return DatabaseFailed;
        }
        catch (Npgsql.NpgsqlException e)
        {
            Console.Error.WriteLine($"error: the database failed: {e.Message}");
            return DatabaseFailed;
        }
    }
}
