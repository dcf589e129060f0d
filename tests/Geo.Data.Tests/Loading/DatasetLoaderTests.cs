using Geo.Core.Geography;
using Geo.Core.Sources;
using Geo.Demo;
using Geo.Data.Loading;
using Geo.Tests;

namespace Geo.Data.Tests.Loading;

public class DatasetLoaderTests
{
    private static string EnglandManifest => Path.Combine(SharedData.RepositoryRoot, "data", "england.dataset.json");

    [EnglandFact]
    public void Load_EnglandManifest_GivesTheOfficialCountsWithNoUnmatchedCodes()
    {
        var dataset = DatasetLoader.Load(EnglandManifest, SharedData.EnglandDirectory);
        var g = dataset.Geography;

        Assert.Equal(42, g.AtLevel(Level.System).Count);
        Assert.Equal(45, g.AtLevel(Level.Icp).Count); // NENC's four plus one for each of the other 41
        Assert.Equal(310, g.AtLevel(Level.Place).Count);
        Assert.Equal(33_755, g.AtLevel(Level.Neighbourhood).Count);
        Assert.Empty(dataset.Report.UnmatchedCodes);

        // 13 districts straddle systems: 12 lie in two, North Yorkshire (E06000065) in three.
        var partial = g.AtLevel(Level.Place).Where(p => p.IsPartial).ToArray();
        Assert.Equal(13, partial.Select(p => p.DistrictCode).Distinct().Count());
        Assert.Equal(27, partial.Length);
        Assert.Equal(["NENC-CENTRAL", "NENC-CUMBRIA", "NENC-NORTH", "NENC-TEES"],
            g.Get("E54000050").ChildCodes.Order(StringComparer.Ordinal));
        Assert.Equal("NENC-CUMBRIA", g.Get("E06000064-E54000050").ParentCode);
        Assert.Equal("E54000048-ICP", g.Get("E06000064-E54000048").ParentCode);

        Assert.Equal(56_490_091, dataset.Population.Values.Sum(p => p.Sum()));
        Assert.Equal(33_755, dataset.Deprivation.Count);
        Assert.Equal(g.Count, dataset.Boundaries.Count); // every area, the country included
    }

    [Fact]
    public void Load_DemoWrittenAsFiles_GivesTheSameGeographyAsTheInMemoryDemo()
    {
        var demo = DemoDataset.Generate();
        var dir = Directory.CreateTempSubdirectory("geo-demo-").FullName;
        try
        {
            var manifest = DemoDataset.WriteFiles(demo, dir);

            var fromFiles = DatasetLoader.Load(manifest);
            var inMemory = DatasetLoader.Build(demo.Source);

            Assert.True(fromFiles.Synthetic);
            Assert.Equal(inMemory.Geography.Areas.Select(Describe).Order(StringComparer.Ordinal),
                fromFiles.Geography.Areas.Select(Describe).Order(StringComparer.Ordinal));
            Assert.Empty(fromFiles.Report.UnmatchedCodes);
            Assert.Empty(fromFiles.Report.CoverageProblems);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }

        static string Describe(Area a) => $"{a.Level}|{a.Code}|{a.Name}|{a.ParentCode}|{string.Join(",", a.ChildCodes)}|{a.IsPartial}";
    }

    [Fact]
    public void Load_DemoAfterDeletingALookupCell_FailsNamingFileLineAndField()
    {
        var dir = Directory.CreateTempSubdirectory("geo-demo-").FullName;
        try
        {
            var manifestPath = DemoDataset.WriteFiles(DemoDataset.Generate(), dir);
            var manifest = Manifest.ManifestReader.Read(manifestPath);
            var lookup = Manifest.ManifestReader.Resolve(manifestPath, null, manifest.Hierarchy.Path);
            var lines = File.ReadAllLines(lookup);
            var header = lines[0].Split(',');
            var column = Array.FindIndex(header, h => h.Trim('"').Equals(manifest.Hierarchy.SystemCode, StringComparison.OrdinalIgnoreCase));
            var cells = lines[10].Split(',');
            cells[column] = "";
            lines[10] = string.Join(',', cells);
            File.WriteAllLines(lookup, lines);

            var e = Assert.Throws<GeoDataException>(() => DatasetLoader.Load(manifestPath));

            Assert.Equal(lookup, e.File);
            Assert.Equal(11, e.Line);
            Assert.Equal(manifest.Hierarchy.SystemCode, e.Field);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void LoadNeighbourhoods_DemoFiles_TheFullLoadsNeighbourhoodPolygonsInItsOrder() => WithDemoFiles((manifestPath, _) =>
    {
        var lean = DatasetLoader.LoadNeighbourhoods(manifestPath);
        var full = DatasetLoader.Load(manifestPath);

        // The order decides which neighbour gets a point on a shared edge, so it is part of the answer.
        var expected = full.Geography.AtLevel(Level.Neighbourhood).Select(n => n.Code).ToArray();
        Assert.Equal(expected, lean.Polygons.Select(p => p.Code));
        Assert.All(lean.Polygons, p => Assert.True(p.Polygon.EqualsExact(full.Boundaries[p.Code]), p.Code));
    });

    [Fact]
    public void LoadNeighbourhoods_BadFlowTable_IsNotReadButTheFullLoadRefusesIt() => WithDemoFiles((manifestPath, manifest) =>
    {
        var flows = Manifest.ManifestReader.Resolve(manifestPath, null, manifest.Flows!.Path);
        var lines = File.ReadAllLines(flows);
        // The count is the last column (names hold commas, so the line is not split).
        Assert.EndsWith("," + manifest.Flows.Count, lines[0], StringComparison.Ordinal);
        lines[2] = lines[2][..(lines[2].LastIndexOf(',') + 1)] + "-5";
        File.WriteAllLines(flows, lines);

        var lean = DatasetLoader.LoadNeighbourhoods(manifestPath);
        var e = Assert.Throws<GeoDataException>(() => DatasetLoader.Load(manifestPath));

        Assert.NotEmpty(lean.Polygons);
        Assert.Equal(flows, e.File);
        Assert.Equal(3, e.Line);
        Assert.Equal(manifest.Flows.Count, e.Field);
    });

    [Fact]
    public void Load_BoundariesAndLookupBothBad_TheBoundariesErrorComesFirst() => WithDemoFiles((manifestPath, manifest) =>
    {
        // The boundaries are read on a second thread beside the other files; the error is still the first file's.
        var boundaries = Manifest.ManifestReader.Resolve(manifestPath, null, manifest.Neighbourhoods.Path);
        var lookup = Manifest.ManifestReader.Resolve(manifestPath, null, manifest.Hierarchy.Path);
        File.WriteAllText(boundaries, "{ not json");
        File.WriteAllLines(lookup, [File.ReadLines(lookup).First()]);

        var e = Assert.Throws<GeoDataException>(() => DatasetLoader.Load(manifestPath));
        var lean = Assert.Throws<GeoDataException>(() => DatasetLoader.LoadNeighbourhoods(manifestPath));

        Assert.Equal(boundaries, e.File);
        Assert.Equal(boundaries, lean.File);
    });

    /// <summary>Runs <paramref name="test"/> on the demo written as files (manifest path and manifest) in a folder removed after.</summary>
    private static void WithDemoFiles(Action<string, Manifest.DatasetManifest> test)
    {
        var dir = Directory.CreateTempSubdirectory("geo-demo-").FullName;
        try
        {
            var manifestPath = DemoDataset.WriteFiles(DemoDataset.Generate(), dir);
            test(manifestPath, Manifest.ManifestReader.Read(manifestPath));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
