namespace Geo.Tests;

/// <summary>
/// Finds the real data under <c>../shared</c> (beside the repository): searched upwards from the test
/// binaries, or set by <c>GEO_SHARED_DIR</c>. Tests that need it use <see cref="EnglandFactAttribute"/>
/// or <see cref="ReferenceFactAttribute"/>, which skip with a message when it is absent.
/// </summary>
internal static class SharedData
{
    private static readonly Lazy<string?> Root = new(FindRoot);

    /// <summary>The <c>shared</c> folder, or null when it is absent.</summary>
    public static string? Directory => Root.Value;

    public static string? EnglandDirectory => Existing(Directory, "data", "england");

    public static string? ReferenceDirectory => Existing(Directory, "data", "reference");

    public static string England(params string[] parts) =>
        Path.Combine([EnglandDirectory ?? throw new InvalidOperationException(EnglandFactAttribute.Message), .. parts]);

    public static string Reference(params string[] parts) =>
        Path.Combine([ReferenceDirectory ?? throw new InvalidOperationException(ReferenceFactAttribute.Message), .. parts]);

    /// <summary>The repository's top folder (the one holding Geo.sln).</summary>
    public static string RepositoryRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Geo.sln")))
                {
                    return dir.FullName;
                }
            }

            throw new InvalidOperationException("Geo.sln not found above " + AppContext.BaseDirectory);
        }
    }

    private static string? Existing(string? root, params string[] parts)
    {
        if (root is null)
        {
            return null;
        }

        var path = Path.Combine([root, .. parts]);
        return System.IO.Directory.Exists(path) ? path : null;
    }

    private static string? FindRoot()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("GEO_SHARED_DIR");
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            return System.IO.Directory.Exists(fromEnvironment) ? fromEnvironment : null;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared");
            if (System.IO.Directory.Exists(Path.Combine(candidate, "data")))
            {
                return candidate;
            }
        }

        return null;
    }
}

/// <summary>A fact that needs the real England data in <c>../shared/data/england</c>; skipped without it.</summary>
internal sealed class EnglandFactAttribute : FactAttribute
{
    public const string Message = "Real England data not found: put the shared folder beside the repository (../shared/data/england) or set GEO_SHARED_DIR.";

    public EnglandFactAttribute()
    {
        if (SharedData.EnglandDirectory is null)
        {
            Skip = Message;
        }
    }
}

/// <summary>A fact that needs OHID's reference vectors in <c>../shared/data/reference</c>; skipped without them.</summary>
internal sealed class ReferenceFactAttribute : FactAttribute
{
    public const string Message = "Reference test vectors not found: put the shared folder beside the repository (../shared/data/reference) or set GEO_SHARED_DIR.";

    public ReferenceFactAttribute()
    {
        if (SharedData.ReferenceDirectory is null)
        {
            Skip = Message;
        }
    }
}
