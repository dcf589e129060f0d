namespace Geo.Postgres.Tests;

/// <summary>The <c>geo</c> commands with <c>--connection</c>, run as a user runs them.</summary>
[Trait("Category", "Database")]
public sealed partial class CommandLineTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("geo-cli-db-").FullName;

    [DatabaseFact]
    public async Task LoadThenExportAndHotspots_FromTheDatabase_WriteTheSameFilesAsFromTheDemo()
    {
        await using var database = await TestDatabase.CreateAsync();
        var (exit, _, error) = Geo("load", "--connection", database.ConnectionString);
        Assert.True(exit == 0, error);
        Assert.Contains("loaded Synthetic demo", error);

        foreach (var (name, args) in new (string, string[])[]
        {
            ("places.csv", ["export", "--indicator", "copd-emergency-admissions", "--level", "place"]),
            ("neighbourhoods.geojson", ["export", "--indicator", "copd-emergency-admissions", "--level", "neighbourhood", "--format", "geojson"]),
            ("gistar.csv", ["hotspots", "--indicator", "copd-emergency-admissions", "--within", "X54000002", "--by", "gistar"]),
            ("funnel.csv", ["hotspots", "--indicator", "copd-emergency-admissions", "--within", "X54000001", "--by", "funnel"]),
        })
        {
            var files = Path.Combine(_folder, "files-" + name);
            var stored = Path.Combine(_folder, "database-" + name);
            var fromFiles = Geo([.. args, "--out", files]);
            var fromDatabase = Geo([.. args, "--out", stored, "--connection", database.ConnectionString]);
            Assert.True(fromFiles.ExitCode == 0, fromFiles.Error);
            Assert.True(fromDatabase.ExitCode == 0, fromDatabase.Error);
            // GeoJSON carries the command that made it in its metadata; everything else must be identical.
            Assert.Equal(Command().Replace(await File.ReadAllTextAsync(files), ""), Command().Replace(await File.ReadAllTextAsync(stored), ""));
        }
    }

    [DatabaseFact]
    public async Task ExportFromADatabase_RecordsTheCommandWithoutThePassword()
    {
        await using var database = await TestDatabase.CreateAsync();
        Assert.Equal(0, Geo("load", "--connection", database.ConnectionString).ExitCode);
        var output = Path.Combine(_folder, "places.geojson");

        var (exit, _, error) = Geo("export", "--indicator", "copd-emergency-admissions", "--level", "place", "--format", "geojson",
            "--out", output, "--connection", database.ConnectionString + ";Password=not-a-real-secret");

        Assert.True(exit == 0, error);
        var text = await File.ReadAllTextAsync(output);
        Assert.Contains("--connection", text);
        Assert.Contains(database.Name, text);
        Assert.DoesNotContain("not-a-real-secret", text);
    }

    [DatabaseFact]
    public async Task ExportFromADatabaseWithoutADataset_SaysToRunGeoLoad()
    {
        await using var database = await TestDatabase.CreateAsync();

        var (exit, _, error) = Geo("export", "--indicator", "copd-emergency-admissions", "--level", "place",
            "--out", Path.Combine(_folder, "x.csv"), "--connection", database.ConnectionString);

        Assert.Equal(3, exit);
        Assert.Contains("holds no Geo dataset", error);
        Assert.Contains("geo load", error);
    }

    [Fact]
    public void LoadWithAnUnreachableServer_FailsWithTheReason()
    {
        var (exit, _, error) = Geo("load", "--connection", "Host=127.0.0.1;Port=1;Username=geo;Database=geo;Timeout=2");

        Assert.Equal(3, exit);
        Assert.Contains("error: the database failed", error);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [System.Text.RegularExpressions.GeneratedRegex("\"command\":\"(?:[^\"\\\\]|\\\\.)*\"")]
    private static partial System.Text.RegularExpressions.Regex Command();

    private static (int ExitCode, string Output, string Error) Geo(params string[] args) => Cli.Tests.GeoProcess.Run(args);
}
