using System.Globalization;
using System.Text.Json.Nodes;
using Geo.Demo;
using Geo.Spatial.Projection;

namespace Geo.Cli.Tests;

/// <summary><c>geo snapshot</c>, then <c>geo check</c> and <c>geo join</c> with <c>--snapshot</c>: the same answers as from
/// the files, and a snapshot whose files changed refused with the reason (exit 2).</summary>
public sealed class SnapshotCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("geo-cli-snapshot-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void CheckAndJoin_FromTheSnapshotOfTheDemoFiles_AnswerAsFromTheFiles()
    {
        var demo = DemoDataset.Generate();
        var manifest = DemoDataset.WriteFiles(demo, Path.Combine(_dir, "files"));
        var snapshot = Path.Combine(_dir, "demo.snapshot");
        var (made, said, madeError) = GeoProcess.Run("snapshot", "--dataset", manifest, "--out", snapshot);
        Assert.True(made == 0, madeError);
        Assert.Contains($"wrote {snapshot}", said, StringComparison.Ordinal);

        var fromFiles = Check("--dataset", manifest);
        var fromSnapshot = Check("--snapshot", snapshot, "--dataset", manifest);
        foreach (var timing in new[] { "elapsedSeconds", "peakMemoryMb" })
        {
            fromFiles.Remove(timing);
            fromSnapshot.Remove(timing);
        }

        Assert.Equal(fromFiles.ToJsonString(), fromSnapshot.ToJsonString());

        var points = Path.Combine(_dir, "points.csv");
        var lines = new List<string> { "id,lon,lat" };
        foreach (var b in demo.Source.Boundaries.Take(5))
        {
            var (lon, lat) = BritishNationalGrid.ToWgs84(b.Boundary.InteriorPoint.X, b.Boundary.InteriorPoint.Y);
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"{b.Code},{lon:R},{lat:R}"));
        }

        lines.Add("sea,-20,40");
        File.WriteAllLines(points, lines);
        var outFiles = Path.Combine(_dir, "files.csv");
        var outSnapshot = Path.Combine(_dir, "snapshot.csv");
        Assert.Equal(0, GeoProcess.Run("join", "--dataset", manifest, "--points", points, "--lon", "lon", "--lat", "lat", "--out", outFiles).ExitCode);
        var (joined, _, joinError) = GeoProcess.Run("join", "--snapshot", snapshot, "--points", points, "--lon", "lon", "--lat", "lat", "--out", outSnapshot);
        Assert.True(joined == 0, joinError);
        Assert.Equal(File.ReadAllText(outFiles), File.ReadAllText(outSnapshot));
        Assert.Contains(",matched", File.ReadAllText(outSnapshot), StringComparison.Ordinal);
    }

    [Fact]
    public void Check_SnapshotWhoseLookupChanged_RefusedWithTheReason()
    {
        var manifest = DemoDataset.WriteFiles(DemoDataset.Generate(), Path.Combine(_dir, "files"));
        var snapshot = Path.Combine(_dir, "demo.snapshot");
        Assert.Equal(0, GeoProcess.Run("snapshot", "--dataset", manifest, "--out", snapshot).ExitCode);
        var lookup = Path.Combine(_dir, "files", "lookup.csv");
        File.AppendAllText(lookup, "\n");

        var (exit, _, error) = GeoProcess.Run("check", "--snapshot", snapshot);

        Assert.Equal(2, exit);
        Assert.Contains($"error: {snapshot}: snapshot refused: its input {lookup} changed size", error, StringComparison.Ordinal);
    }

    private static JsonObject Check(params string[] source)
    {
        var (exit, output, error) = GeoProcess.Run(["check", "--json", .. source]);
        Assert.True(exit == 0, error);
        return JsonNode.Parse(output)!.AsObject();
    }
}
