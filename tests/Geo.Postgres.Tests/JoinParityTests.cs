using System.Globalization;
using System.Text;
using Geo.Data.Join;
using Geo.Spatial.Join;
using Geo.Spatial.Projection;

namespace Geo.Postgres.Tests;

/// <summary><c>geo join --connection</c> writes byte for byte the file the in-process join writes.</summary>
[Trait("Category", "Database")]
public class JoinParityTests(DemoStore demo) : IClassFixture<DemoStore>, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("geo-join-").FullName;

    [DatabaseTheory]
    [InlineData(PointCoordinateSystem.BritishNationalGrid)]
    [InlineData(PointCoordinateSystem.Wgs84LonLat)]
    public async Task PointsInsideOutsideOnEdgesAndInvalid_JoinAsInMemory(PointCoordinateSystem system)
    {
        var input = Path.Combine(_folder, $"points-{system}.csv");
        var count = WritePoints(input, system, 150_000);
        var columns = system == PointCoordinateSystem.BritishNationalGrid
            ? PointColumns.EastingNorthing("x", "y")
            : PointColumns.LonLat("x", "y");

        var inMemory = Path.Combine(_folder, "memory.csv");
        var expected = PointJoinCsv.Run(input, inMemory, demo.Memory.NeighbourhoodIndex(system), columns);
        var inDatabase = Path.Combine(_folder, "database.csv");
        using var store = new PostgresStore(demo.ConnectionString);
        using var locator = await store.LocatorAsync(system);
        var actual = PointJoinCsv.Run(input, inDatabase, locator, columns);

        Assert.Equal(count, actual.Rows);
        Assert.True(expected.Matched > count / 2 && expected.Outside > 0 && expected.Invalid > 0, expected.ToString());
        Assert.Equal(expected, actual);
        Assert.Equal(await File.ReadAllBytesAsync(inMemory), await File.ReadAllBytesAsync(inDatabase));
    }

    public void Dispose()
    {
        Directory.Delete(_folder, recursive: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Random points over the demo's extent and beyond, vertices of the polygons (on shared edges), and bad rows.</summary>
    private int WritePoints(string path, PointCoordinateSystem system, int random)
    {
        var rng = new Random(20261124);
        var extent = demo.Memory.Boundaries[demo.Memory.Geography.Root.Code].EnvelopeInternal;
        var points = new List<(double X, double Y)>();
        for (var i = 0; i < random; i++)
        {
            points.Add((extent.MinX - 2000 + (rng.NextDouble() * (extent.Width + 4000)),
                extent.MinY - 2000 + (rng.NextDouble() * (extent.Height + 4000))));
        }

        foreach (var code in demo.Memory.Geography.AtLevel(Core.Geography.Level.Neighbourhood).Take(300).Select(a => a.Code))
        {
            points.AddRange(demo.Memory.Boundaries[code].Coordinates.Take(5).Select(c => (c.X, c.Y)));
        }

        var text = new StringBuilder("id,x,y,note\n");
        var id = 0;
        foreach (var (x, y) in points)
        {
            var (px, py) = system == PointCoordinateSystem.BritishNationalGrid ? (x, y) : BritishNationalGrid.ToWgs84(x, y);
            text.Append(CultureInfo.InvariantCulture, $"{id++},{px:R},{py:R},\"a, quoted\"\"note\"\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"{id++},,,missing\n{id++},abc,1,letters\n{id},NaN,NaN,nan\n");
        File.WriteAllText(path, text.ToString());
        return points.Count + 3;
    }
}
