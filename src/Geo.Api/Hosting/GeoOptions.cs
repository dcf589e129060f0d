namespace Geo.Api.Hosting;

/// <summary>Server settings, bound from the <c>Geo</c> configuration section (or <c>geo serve</c> options).</summary>
public sealed class GeoOptions
{
    public const string Section = "Geo";

    /// <summary>Path of a dataset manifest; the embedded synthetic demo when empty.</summary>
    public string? Dataset { get; set; }

    /// <summary>Folder the manifest's relative paths resolve against; the manifest's folder when empty.</summary>
    public string? DataRoot { get; set; }

    /// <summary>A snapshot written by <c>geo snapshot</c> to start from instead of the manifest's files (refused when they
    /// changed since; when <see cref="Dataset"/> is set too, it must be the manifest the snapshot was made from).</summary>
    public string? Snapshot { get; set; }

    /// <summary>Seed of the demo dataset when no manifest is given.</summary>
    public int DemoSeed { get; set; } = Geo.Demo.DemoDataset.DefaultSeed;

    /// <summary>Npgsql connection string of a PostgreSQL + PostGIS database loaded by <c>geo load</c>: when set, the
    /// server answers from it instead of files (<see cref="Dataset"/> is then ignored).</summary>
    public string? Connection { get; set; }

    /// <summary>How often, in seconds, the server asks the database whether it answers and holds a new dataset.</summary>
    public double DatabasePollSeconds { get; set; } = 2;

    /// <summary>An indicator CSV of the user's own to add to the dataset at start-up (<c>geo serve --indicator-file</c>),
    /// read as an upload with <see cref="IndicatorFileOptions"/>.</summary>
    public string? IndicatorFile { get; set; }

    /// <summary>The columns and meaning of <see cref="IndicatorFile"/>.</summary>
    public Data.Upload.IndicatorUploadOptions? IndicatorFileOptions { get; set; }

    /// <summary>The largest indicator file <c>POST /api/indicators</c> accepts, in bytes (100 MB: a million rows and more);
    /// larger requests get 413.</summary>
    public long UploadLimitBytes { get; set; } = 100L * 1024 * 1024;

    /// <summary>How many <c>POST /api/indicators</c> requests one client may send a minute; more get 429 with
    /// Retry-After (<see cref="UploadRateLimit"/>).</summary>
    public int UploadsPerMinute { get; set; } = 5;

    /// <summary>Simplify every level's tile bands in the background after start-up, so that no map user
    /// waits for the first tile of a zoom. On in <c>geo serve</c>; off by default (tests).</summary>
    public bool WarmTiles { get; set; }

    /// <summary>The memory, in MB, kept for answers and tiles stored compressed (<see cref="CompressedAnswers"/>): plain,
    /// gzip and Brotli forms together; the least recently used go first. 256 MB holds England's full neighbourhood level
    /// (19.4 MB plain, about 27 MB with both compressed forms) of several indicators beside every tile a session asks.</summary>
    public int AnswerCacheMegabytes { get; set; } = 256;

    /// <summary>Log ASP.NET Core's own messages (routing, endpoints, caching: dozens a request). Off: one line a request.</summary>
    public bool Verbose { get; set; }
}
