using System.Net;
using Geo.Core.Geography;
using Geo.Data.Loading;
using Geo.Data.Snapshots;
using Geo.Demo;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Geo.Api.Tests.Hosting;

/// <summary>
/// A server started from a snapshot (<c>Geo:Snapshot</c>, <c>geo serve --snapshot</c>) answers byte for byte as one
/// that loaded the same dataset itself: areas, boundaries, every level's values, hotspots, catchments, tiles.
/// </summary>
public sealed class SnapshotServerTests(DemoApiFactory fromFiles) : IClassFixture<DemoApiFactory>, IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("geo-snapshot-api-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Get_ServerFromASnapshotOfTheDemo_AnswersAsTheServerThatLoadedIt()
    {
        var snapshot = Path.Combine(_dir, "demo.snapshot");
        DatasetSnapshot.Write(DatasetLoader.Build(DemoDataset.Generate().Source), SnapshotOrigin.Generated("demo"), snapshot);
        await using var fromSnapshot = new WebApplicationFactory<Program>().WithWebHostBuilder(b => b.UseSetting("Geo:Snapshot", snapshot));
        var g = DemoData.Dataset(fromFiles).Geography;
        var system = g.AtLevel(Level.System)[0].Code;
        var place = g.AtLevel(Level.Place)[^1].Code;
        var neighbourhood = g.AtLevel(Level.Neighbourhood)[7].Code;
        var provider = DemoData.Dataset(fromFiles).Flows!.Flows[0].Provider;
        const string I = DemoData.Indicator;
        string[] urls =
        [
            "/api/dataset",
            "/api/indicators",
            $"/api/areas/{place}",
            $"/api/areas/{neighbourhood}/boundary",
            $"/api/areas/{system}/boundary",
            $"/api/indicators/{I}/areas/{g.Root.Code}/children",
            $"/api/indicators/{I}/areas/{system}/children",
            $"/api/indicators/{I}/areas/{place}/children.csv",
            $"/api/indicators/{I}/areas/{place}/children.geojson",
            $"/api/indicators/{I}/levels/neighbourhood",
            $"/api/indicators/{I}/levels/place?format=columns",
            $"/api/indicators/{I}/areas/{system}/hotspots?by=gistar&top=1000",
            $"/api/indicators/{I}/areas/{g.Root.Code}/inequality",
            $"/api/indicators/{I}/areas/{neighbourhood}/trend",
            $"/api/catchments/{provider}?method=fptp",
            $"/api/catchments/{provider}/boundary?method=fptp",
            "/tiles/neighbourhood/10/507/328.mvt",
            "/tiles/system/0/0/0.mvt",
        ];

        var expected = fromFiles.CreateClient();
        var actual = fromSnapshot.CreateClient();
        foreach (var url in urls)
        {
            using var a = await expected.GetAsync(url);
            using var b = await actual.GetAsync(url);
            Assert.True(a.StatusCode == HttpStatusCode.OK, $"{url}: {a.StatusCode} from the server that loaded the demo");
            Assert.Equal(a.StatusCode, b.StatusCode);
            var (plain, snapshotted) = (await a.Content.ReadAsByteArrayAsync(), await b.Content.ReadAsByteArrayAsync());
            Assert.True(plain.SequenceEqual(snapshotted), $"{url} answers differently from the snapshot");
        }
    }

    [Fact]
    public void Start_FromACorruptSnapshot_FailsNamingTheFile()
    {
        var snapshot = Path.Combine(_dir, "corrupt.snapshot");
        File.WriteAllBytes(snapshot, [.. "GEOSNAP\0"u8, 1, 0, 0, 0]);
        using var server = new WebApplicationFactory<Program>().WithWebHostBuilder(b => b.UseSetting("Geo:Snapshot", snapshot));

        var e = Assert.Throws<Geo.Core.Sources.GeoDataException>(() => server.CreateClient());

        Assert.Equal(snapshot, e.File);
        Assert.Contains("snapshot refused", e.Message, StringComparison.Ordinal);
    }
}
