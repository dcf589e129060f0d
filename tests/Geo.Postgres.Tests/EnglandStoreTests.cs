using Geo.Data.Loading;
using Geo.Tests;
using Geo.Tiles;

namespace Geo.Postgres.Tests;

/// <summary>The real England dataset through <c>geo load</c> and back: every indicator, period and area identical.</summary>
[Trait("Category", "Database")]
public class EnglandStoreTests
{
    [DatabaseFact(England = true)]
    public async Task England_EveryIndicatorPeriodAndArea_AnswersIdenticallyFromPostgis()
    {
        var memory = DatasetLoader.Load(Path.Combine(SharedData.RepositoryRoot, "data", "england.dataset.json"), SharedData.EnglandDirectory);
        await using var database = await TestDatabase.CreateAsync();
        using var store = new PostgresStore(database.ConnectionString);
        await store.LoadAsync(memory);
        var stored = (await store.ReadAsync()).Dataset;

        Assert.Equal(33_755, stored.Geography.AtLevel(Core.Geography.Level.Neighbourhood).Count);
        foreach (var (code, boundary) in memory.Boundaries)
        {
            Assert.True(boundary.EqualsExact(stored.Boundaries[code]), code);
        }

        StoreParityTests.AssertIndicatorsIdentical(memory, stored);

        // Tiles over towns and rural edges at every zoom and level: the same features from ST_AsMVT.
        var inProcess = new TileCatalog(memory, 0);
        var fromPostgis = new TileCatalog(stored, 0, serve: store.TileSource);
        Assert.Equal(inProcess.Version, fromPostgis.Version);
        foreach (var source in inProcess.Sources)
        {
            var level = source.Info.Id;
            for (var z = 0; z <= source.Info.MaxZoom; z++)
            {
                foreach (var (lon, lat) in Places)
                {
                    var (x, y) = TileParityTests.TileOf(lon, lat, z);
                    var tile = new TileCoordinate(z, x, y);
                    var expected = TileParityTests.Describe(TileParityTests.Features(source.GetTile(tile), tile, level));
                    var actual = TileParityTests.Describe(TileParityTests.Features(fromPostgis.Find(level)!.GetTile(tile), tile, level));
                    Assert.True(expected.SetEquals(actual), $"{level} {tile}: {expected.Count} features in process, {actual.Count} from PostGIS");
                }
            }
        }
    }

    private static readonly (double Lon, double Lat)[] Places =
    [
        (-0.118, 51.509), (-1.898, 52.486), (-2.244, 53.483), (-1.549, 53.801), (-1.235, 54.576), (-5.051, 50.263),
        (1.297, 52.630), (-2.935, 54.895), (-1.616, 55.602),
    ];
}
