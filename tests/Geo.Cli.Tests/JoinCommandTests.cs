using System.Globalization;
using Geo.Demo;
using Geo.Spatial.Projection;

namespace Geo.Cli.Tests;

public class JoinCommandTests
{
    [Fact]
    public void Join_DemoPointsInBothCoordinateSystems_AppendNeighbourhoodAndStatusToEveryRow()
    {
        // Interior points of three demo neighbourhoods, one point far out at sea, one unreadable.
        var demo = DemoDataset.Generate();
        var picked = demo.Source.Boundaries.Take(3).ToArray();
        var inside = picked.Select(b => (b.Code, Point: b.Boundary.InteriorPoint)).ToArray();
        var dir = Directory.CreateTempSubdirectory("geo-cli-").FullName;
        var input = Path.Combine(dir, "points.csv");
        var lines = new List<string> { "id,\"label, with comma\",lon,lat,easting,northing" };
        foreach (var (code, point) in inside)
        {
            var (lon, lat) = BritishNationalGrid.ToWgs84(point.X, point.Y);
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"{code},\"a, b\",{lon:R},{lat:R},{point.X:R},{point.Y:R}"));
        }

        lines.Add("sea,x,-20,40,10,10");
        lines.Add("bad,x,east,north,,");
        File.WriteAllLines(input, lines);

        foreach (var columns in new[] { new[] { "--lon", "lon", "--lat", "lat" }, ["--easting", "easting", "--northing", "northing"] })
        {
            var output = Path.Combine(dir, $"out{columns[0]}.csv");
            var (exit, _, error) = GeoProcess.Run(["join", "--points", input, "--out", output, .. columns]);

            Assert.True(exit == 0, error);
            var rows = File.ReadAllLines(output);
            Assert.Equal(lines[0] + ",neighbourhood,status", rows[0]);
            for (var i = 0; i < inside.Length; i++)
            {
                Assert.Equal($"{lines[i + 1]},{inside[i].Code},matched", rows[i + 1]);
            }

            Assert.Equal($"{lines[4]},,outside", rows[4]);
            Assert.Equal($"{lines[5]},,invalid", rows[5]);
        }
    }

    [Fact]
    public void Join_WithoutCoordinateColumns_IsRejectedBeforeLoading()
    {
        var (exit, _, error) = GeoProcess.Run("join", "--points", "p.csv", "--out", "o.csv");

        Assert.NotEqual(0, exit);
        Assert.Contains("--lon and --lat, or --easting and --northing", error, StringComparison.Ordinal);
    }

}
