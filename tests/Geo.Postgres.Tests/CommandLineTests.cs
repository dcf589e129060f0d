namespace Geo.Postgres.Tests;

/// <summary>The <c>geo</c> commands with <c>--connection</c>, run as a user runs them.</summary>
[Trait("Category", "Database")]
public sealed class CommandLineTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("geo-cli-db-").FullName;

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

    private static (int ExitCode, string Output, string Error) Geo(params string[] args) => Cli.Tests.GeoProcess.Run(args);
}
