using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using CsvHelper;
using Geo.Core.Sources;
using Geo.Data.Import;
using Geo.Data.Manifest;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;

namespace Geo.Demo.Tests;

/// <summary>What <see cref="DemoDataset.WriteFiles"/> writes: files that parse, and read back to the same data.</summary>
public sealed class DemoFilesTests : IDisposable
{
    private static readonly CsvReaderOptions Csv = CsvReaderOptions.Default with
    {
        Separator = ',',
        TrackLineNumbers = true,
        FormatProvider = CultureInfo.InvariantCulture,
    };

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "geo-demo-" + Guid.NewGuid().ToString("N"));

    private static DemoData Data => DemoSample.Default;

    private static DatasetSource Source => Data.Source;

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public void WriteFiles_Demo_WritesAManifestTheReaderAccepts()
    {
        var path = DemoDataset.WriteFiles(Data, _directory);

        Assert.Equal(Path.Combine(_directory, "demo.dataset.json"), path);
        var manifest = ManifestReader.Read(path);
        Assert.True(manifest.Synthetic);
        Assert.Equal(Source.Name, manifest.Name);
        Assert.Equal("X92000001", manifest.CountryCode);
        Assert.Equal("EPSG:27700", manifest.Neighbourhoods.Crs);
        Assert.Equal(AgeBand.Esp2013, manifest.Population!.Bands.Select(b => AgeBand.Parse(b.Band)));
        foreach (var file in new[] { manifest.Neighbourhoods.Path, manifest.Hierarchy.Path, manifest.Icps!.Path, manifest.Population.Path, manifest.Deprivation!.Path })
        {
            Assert.True(File.Exists(ManifestReader.Resolve(path, null, file)), file);
        }

        var readme = File.ReadAllText(Path.Combine(_directory, "README.txt"));
        Assert.Contains("SYNTHETIC", readme, StringComparison.Ordinal);
        Assert.Contains(DemoDataset.CopdFileName, readme, StringComparison.Ordinal);
    }

    [Fact]
    public void WriteFiles_Demo_WritesUtf8WithLfAndNoByteOrderMark()
    {
        DemoDataset.WriteFiles(Data, _directory);

        var files = Directory.GetFiles(_directory);
        Assert.Equal(9, files.Length);
        Assert.All(files, f =>
        {
            var bytes = File.ReadAllBytes(f);
            Assert.False(bytes.AsSpan().StartsWith((byte[])[0xEF, 0xBB, 0xBF]), $"{f} starts with a byte order mark");
            Assert.DoesNotContain((byte)'\r', bytes);
            Assert.Equal((byte)'\n', bytes[^1]);
        });
    }

    [Fact]
    public void WriteFiles_SameData_WritesIdenticalBytes()
    {
        var other = _directory + "-again";
        try
        {
            DemoDataset.WriteFiles(Data, _directory);
            DemoDataset.WriteFiles(DemoDataset.Generate(), other);

            foreach (var file in Directory.GetFiles(_directory).Select(Path.GetFileName))
            {
                Assert.Equal(SHA256.HashData(File.ReadAllBytes(Path.Combine(_directory, file!))),
                    SHA256.HashData(File.ReadAllBytes(Path.Combine(other, file!))));
            }
        }
        finally
        {
            Directory.Delete(other, recursive: true);
        }
    }

    [Fact]
    public void WriteFiles_Boundaries_ReadBackWithGeoJson4StjInBritishNationalGrid()
    {
        DemoDataset.WriteFiles(Data, _directory);
        var path = Path.Combine(_directory, "neighbourhoods.geojson");

        using (var document = JsonDocument.Parse(File.ReadAllBytes(path)))
        {
            Assert.Equal("urn:ogc:def:crs:EPSG::27700", document.RootElement.GetProperty("crs").GetProperty("properties").GetProperty("name").GetString());
        }

        var options = new JsonSerializerOptions();
        options.Converters.Add(new GeoJsonConverterFactory(new GeometryFactory(new PrecisionModel(), 27700)));
        using var stream = File.OpenRead(path);
        var features = JsonSerializer.Deserialize<FeatureCollection>(stream, options)!;

        Assert.Equal(Source.Boundaries.Count, features.Count);
        for (var i = 0; i < features.Count; i++)
        {
            var expected = Source.Boundaries[i];
            Assert.Equal(expected.Code, features[i].Attributes["LSOA21CD"]);
            Assert.Equal(expected.Name, features[i].Attributes["LSOA21NM"]);
            Assert.True(expected.Boundary.EqualsExact(features[i].Geometry), $"feature {i + 1} differs");
        }
    }

    [Fact]
    public void WriteFiles_Csvs_ReadBackWithCsvHelper()
    {
        DemoDataset.WriteFiles(Data, _directory);

        var lookup = ReadCsv("lookup.csv", r => new HierarchyRecord(r.GetString("LSOA21CD"), r.GetString("LSOA21NM"),
            r.GetString("LAD24CD"), r.GetString("LAD24NM"), r.GetString("ICB24CD"), r.GetString("ICB24NM"), r.LineNumber));
        Assert.Equal(Source.Hierarchy, lookup);

        var icps = ReadCsv("icps.csv", r => new IcpRecord(r.GetString("ICB24CD"), r.GetString("ICP_CODE"), r.GetString("ICP_NAME"),
            r.GetString("LAD24CD"), r.LineNumber));
        Assert.Equal(Source.Icps, icps);

        var columns = Source.AgeBands.Select(b => b.To is { } to ? $"Aged {b.From} to {to} years" : $"Aged {b.From} years and over").ToArray();
        var population = ReadCsv("population.csv", r => (Code: r.GetString("LSOA 2021 Code"), Total: r.Parse<int>("Total"),
            Counts: columns.Select(c => (double)r.Parse<int>(c)).ToArray()));
        Assert.Equal(Source.Population.Select(p => p.Neighbourhood), population.Select(p => p.Code));
        Assert.All(Source.Population.Zip(population), x =>
        {
            Assert.Equal(x.First.Counts, x.Second.Counts);
            Assert.Equal(x.First.Total, x.Second.Total);
        });

        var deprivation = ReadCsv("deprivation.csv", r => (
            Code: r.GetString("LSOA code (2021)"),
            Score: r.Parse<double>("Index of Multiple Deprivation (IMD) Score"),
            Rank: int.Parse(r.GetString("Index of Multiple Deprivation (IMD) Rank (where 1 is most deprived)"), NumberStyles.AllowThousands, CultureInfo.InvariantCulture),
            Decile: r.Parse<int>("Index of Multiple Deprivation (IMD) Decile (where 1 is most deprived 10% of LSOAs)")));
        Assert.Equal(Source.Deprivation.Select(d => (d.Neighbourhood, d.Score!.Value, d.Decile)), deprivation.Select(d => (d.Code, d.Score, d.Decile)));
        Assert.Equal(Enumerable.Range(1, deprivation.Count), deprivation.Select(d => d.Rank).Order());
        Assert.Contains(deprivation, d => d.Rank >= 1_000);

        var copd = ReadCsv(DemoDataset.CopdFileName, r => new DemoIndicatorRecord(r.GetString("lsoa_code"), r.GetString("period"),
            AgeBand.Parse(r.GetString("age_band")), r.Parse<int>("admissions")));
        Assert.Equal(Data.CopdAdmissions, copd);
    }

    [Fact]
    public void WriteFiles_Demo_RoundTripsThroughTheImporters()
    {
        var path = DemoDataset.WriteFiles(Data, _directory);
        var manifest = ManifestReader.Read(path);
        string Resolve(string file) => ManifestReader.Resolve(path, null, file);

        var boundaries = BoundaryReader.Read(Resolve(manifest.Neighbourhoods.Path), manifest.Neighbourhoods);
        Assert.Equal(Source.Boundaries.Select(b => (b.Code, b.Name, b.Feature)), boundaries.Select(b => (b.Code, b.Name, b.Feature)));
        Assert.All(Source.Boundaries.Zip(boundaries), x =>
        {
            Assert.Equal(27700, x.Second.Boundary.SRID);
            Assert.True(x.First.Boundary.EqualsExact(x.Second.Boundary), $"{x.First.Code} differs after reading");
        });

        Assert.Equal(Source.Hierarchy, HierarchyReader.Read(Resolve(manifest.Hierarchy.Path), manifest.Hierarchy));
        Assert.Equal(Source.Icps, IcpReader.Read(Resolve(manifest.Icps!.Path), manifest.Icps));

        var (bands, population) = PopulationReader.Read(Resolve(manifest.Population!.Path), manifest.Population);
        Assert.Equal(Source.AgeBands, bands);
        Assert.Equal(Source.Population.Select(p => (p.Neighbourhood, p.Line)), population.Select(p => (p.Neighbourhood, p.Line)));
        Assert.All(Source.Population.Zip(population), x => Assert.Equal(x.First.Counts, x.Second.Counts));

        Assert.Equal(Source.Deprivation, DeprivationReader.Read(Resolve(manifest.Deprivation!.Path), manifest.Deprivation));
    }

    private List<T> ReadCsv<T>(string file, Func<CsvReader, T> row)
    {
        using var reader = CsvReader.Create(File.OpenRead(Path.Combine(_directory, file)), Csv, false);
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(row(reader));
        }

        return rows;
    }
}
