using System.Buffers.Binary;
using Geo.Core.Geography;
using Geo.Core.Sources;
using Geo.Data.Loading;
using Geo.Data.Snapshots;
using Geo.Demo;
using Geo.Model;
using Geo.Spatial.Join;

namespace Geo.Data.Tests.Snapshots;

/// <summary>
/// A dataset saved by <see cref="DatasetSnapshot"/> comes back as it was loaded from its files, and a snapshot that is not
/// whole or not current is refused with the file named, never half read. (That the API answers the same from both is
/// tested in Geo.Api.Tests, Hosting/SnapshotServerTests.)
/// </summary>
public sealed class DatasetSnapshotTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("geo-snapshot-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Snapshot => Path.Combine(_dir, "demo.snapshot");

    /// <summary>The demo written as files, loaded from them, and saved to <see cref="Snapshot"/>.</summary>
    private (string Manifest, Dataset FromFiles) SaveDemoFiles()
    {
        var manifest = DemoDataset.WriteFiles(DemoDataset.Generate(), Path.Combine(_dir, "files"));
        var fromFiles = DatasetLoader.Load(manifest);
        DatasetSnapshot.Write(fromFiles, SnapshotOrigin.FromManifest(manifest, null), Snapshot);
        return (manifest, fromFiles);
    }

    [Fact]
    public void Read_DemoFromFiles_HoldsEveryPartAsLoaded()
    {
        var (manifest, expected) = SaveDemoFiles();

        var actual = DatasetSnapshot.Read(Snapshot, manifest);

        Assert.Equal((expected.Name, expected.Synthetic, expected.BoundaryVintage, expected.Suppression),
            (actual.Name, actual.Synthetic, actual.BoundaryVintage, actual.Suppression));
        Assert.Equal(expected.Geography.Root.Code, actual.Geography.Root.Code);
        Assert.Equal(expected.Geography.Areas.Select(Describe), actual.Geography.Areas.Select(Describe));
        foreach (var level in Enum.GetValues<Level>())
        {
            Assert.Equal(expected.Geography.AtLevel(level).Select(a => a.Code), actual.Geography.AtLevel(level).Select(a => a.Code));
        }

        // every boundary, in the same order, with every ordinate exactly
        Assert.Equal(expected.Boundaries.Keys, actual.Boundaries.Keys);
        foreach (var (code, geometry) in expected.Boundaries)
        {
            Assert.True(geometry.EqualsExact(actual.Boundaries[code]), $"boundary of {code} differs");
            Assert.Equal(geometry.SRID, actual.Boundaries[code].SRID);
            Assert.Equal(geometry.GeometryType, actual.Boundaries[code].GeometryType);
        }

        Assert.Equal(expected.AgeBands, actual.AgeBands);
        Assert.Equal(expected.Population.Keys, actual.Population.Keys);
        Assert.All(expected.Population, p => Assert.Equal(p.Value, actual.Population[p.Key]));
        Assert.Equal(expected.Deprivation.Values, actual.Deprivation.Values);

        Assert.Equal(expected.Report.Notes, actual.Report.Notes);
        Assert.Equal(expected.Report.Repairs, actual.Report.Repairs);
        Assert.Equal(expected.Report.UnmatchedCodes, actual.Report.UnmatchedCodes);
        Assert.Equal(expected.Report.CoverageProblems.Select(c => (c.Kind, string.Join(",", c.Codes), c.Area)),
            actual.Report.CoverageProblems.Select(c => (c.Kind, string.Join(",", c.Codes), c.Area)));

        Assert.Equal(expected.Indicators.Count, actual.Indicators.Count);
        for (var i = 0; i < expected.Indicators.Count; i++)
        {
            var (e, a) = (expected.Indicators[i], actual.Indicators[i]);
            Assert.Equal(e.Definition, a.Definition);
            Assert.Equal((e.DataLevel, e.File, e.PopulationPeriods, e.PublicationPool), (a.DataLevel, a.File, a.PopulationPeriods, a.PublicationPool));
            Assert.Equal(e.Periods, a.Periods);
            Assert.Equal(e.Bands, a.Bands);
            Assert.Equal(e.ImportNotes, a.ImportNotes);
            Assert.Equal(e.Records, a.Records);
        }

        Assert.NotNull(expected.Flows);
        Assert.Equal((expected.Flows.Providers, expected.Flows.Counts, expected.Flows.File),
            (actual.Flows!.Providers, actual.Flows.Counts, actual.Flows.File));
        Assert.Equal(expected.Flows.ImportNotes, actual.Flows.ImportNotes);
        Assert.Equal(expected.Flows.ProviderNames, actual.Flows.ProviderNames);
        Assert.Equal(expected.Flows.Flows, actual.Flows.Flows);

        static string Describe(Area a) =>
            $"{a.Level}|{a.Code}|{a.Name}|{a.ParentCode}|{string.Join(",", a.ChildCodes)}|{a.IsPartial}|{a.DistrictCode}";
    }

    [Fact]
    public void ReadNeighbourhoods_DemoFromFiles_TheLoadersPolygonsInItsOrder()
    {
        var (manifest, _) = SaveDemoFiles();
        var expected = DatasetLoader.LoadNeighbourhoods(manifest).Polygons;

        var actual = DatasetSnapshot.ReadNeighbourhoods(Snapshot).Polygons;

        Assert.Equal(expected.Select(p => p.Code), actual.Select(p => p.Code));
        Assert.All(expected.Zip(actual), pair => Assert.True(pair.First.Polygon.EqualsExact(pair.Second.Polygon)));
    }

    [Theory]
    [InlineData(PointCoordinateSystem.Wgs84LonLat)]
    [InlineData(PointCoordinateSystem.BritishNationalGrid)]
    public void ReadPointIndex_DemoFromFiles_AnswersAsTheIndexBuiltFromTheFiles(PointCoordinateSystem system)
    {
        var (manifest, _) = SaveDemoFiles();
        var expected = DatasetLoader.LoadNeighbourhoods(manifest).Index(system);

        var actual = DatasetSnapshot.ReadPointIndex(Snapshot, system);

        Assert.Equal(Enumerable.Range(0, expected.Count).Select(expected.Code), Enumerable.Range(0, actual.Count).Select(actual.Code));
        Assert.All(Enumerable.Range(0, expected.Count), i => Assert.True(expected.PolygonAt(i).EqualsExact(actual.PolygonAt(i))));
        // a lattice of points over the polygons' extent, edges included by chance: every answer the same
        var extent = expected.PolygonAt(0).Factory.BuildGeometry(Enumerable.Range(0, expected.Count).Select(expected.PolygonAt)).EnvelopeInternal;
        var located = 0;
        for (var i = 0; i <= 200; i++)
        {
            for (var j = 0; j <= 200; j++)
            {
                var (x, y) = (extent.MinX + extent.Width * i / 200, extent.MinY + extent.Height * j / 200);
                var answer = expected.Locate(x, y);
                Assert.Equal(answer, actual.Locate(x, y));
                located += answer == PointIndex.Outside ? 0 : 1;
            }
        }

        Assert.True(located > 1000, $"only {located} lattice points fell in a neighbourhood");
    }

    [Fact]
    public void Read_InputFileChangedSinceTheSnapshot_RefusedNamingTheFile()
    {
        var (manifest, _) = SaveDemoFiles();
        var changed = Path.Combine(Path.GetDirectoryName(manifest)!, "population.csv");
        Assert.True(File.Exists(changed), "the demo's files have a population.csv");
        File.AppendAllText(changed, "\n");

        var e = Assert.Throws<GeoDataException>(() => DatasetSnapshot.Read(Snapshot));

        Assert.Equal(Path.GetFullPath(Snapshot), e.File);
        Assert.Contains(changed, e.Message, StringComparison.Ordinal);
        Assert.Contains("changed size", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_InputFileTouchedSinceTheSnapshot_RefusedAsModified()
    {
        var (manifest, _) = SaveDemoFiles();
        File.SetLastWriteTimeUtc(manifest, File.GetLastWriteTimeUtc(manifest).AddMinutes(1));

        var e = Assert.Throws<GeoDataException>(() => DatasetSnapshot.ReadNeighbourhoods(Snapshot));

        Assert.Contains($"its input {manifest} was modified", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_InputFileGone_RefusedAsMissing()
    {
        var (manifest, _) = SaveDemoFiles();
        var gone = Path.Combine(Path.GetDirectoryName(manifest)!, "population.csv");
        File.Delete(gone);

        var e = Assert.Throws<GeoDataException>(() => DatasetSnapshot.Read(Snapshot));

        Assert.Contains($"its input {gone} is missing", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_AnotherManifestThanTheSnapshots_Refused()
    {
        SaveDemoFiles();
        var other = Path.Combine(_dir, "other.dataset.json");

        var e = Assert.Throws<GeoDataException>(() => DatasetSnapshot.Read(Snapshot, other));

        Assert.Contains($"not from {other}", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_MadeByAnotherBuild_Refused()
    {
        var demo = DatasetLoader.Build(DemoDataset.Generate().Source);
        DatasetSnapshot.Write(demo, SnapshotOrigin.Generated("demo") with { BuildId = "an older build" }, Snapshot);

        var e = Assert.Throws<GeoDataException>(() => DatasetSnapshot.Read(Snapshot));

        Assert.Contains("another build of geo", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_OneByteChangedInTheData_RefusedAsCorruptNotHalfRead()
    {
        SaveDemoFiles();
        var bytes = File.ReadAllBytes(Snapshot);
        bytes[bytes.Length * 2 / 3] ^= 0x40; // somewhere in the sections, past the header

        File.WriteAllBytes(Snapshot, bytes);
        var e = Assert.Throws<GeoDataException>(() => DatasetSnapshot.Read(Snapshot));

        Assert.Equal(Path.GetFullPath(Snapshot), e.File);
        Assert.Contains("corrupt", e.Message, StringComparison.Ordinal);
        Assert.Contains("checksum", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_Truncated_RefusedSayingHowMuchIsThere()
    {
        SaveDemoFiles();
        var bytes = File.ReadAllBytes(Snapshot);
        File.WriteAllBytes(Snapshot, bytes[..(bytes.Length / 2)]);

        var e = Assert.Throws<GeoDataException>(() => DatasetSnapshot.Read(Snapshot));

        Assert.Contains($"truncated: {bytes.Length / 2:N0} bytes of the {bytes.Length:N0}", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_NotASnapshot_Refused()
    {
        File.WriteAllText(Snapshot, "LSOA21CD,value\nE01000001,3\n");

        var e = Assert.Throws<GeoDataException>(() => DatasetSnapshot.Read(Snapshot));

        Assert.Contains("not a Geo snapshot", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_AnotherFormatVersion_RefusedNamingBoth()
    {
        DatasetSnapshot.Write(DatasetLoader.Build(DemoDataset.Generate().Source), SnapshotOrigin.Generated("demo"), Snapshot);
        var bytes = File.ReadAllBytes(Snapshot);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(8), DatasetSnapshot.FormatVersion + 1);
        File.WriteAllBytes(Snapshot, bytes);

        var e = Assert.Throws<GeoDataException>(() => DatasetSnapshot.Read(Snapshot));

        Assert.Contains($"snapshot format {DatasetSnapshot.FormatVersion + 1}, and this build of geo reads format {DatasetSnapshot.FormatVersion}",
            e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_Missing_RefusedNamingTheFile()
    {
        var e = Assert.Throws<GeoDataException>(() => DatasetSnapshot.Read(Snapshot));

        Assert.Equal(Path.GetFullPath(Snapshot), e.File);
        Assert.Contains("cannot be opened", e.Message, StringComparison.Ordinal);
    }
}
