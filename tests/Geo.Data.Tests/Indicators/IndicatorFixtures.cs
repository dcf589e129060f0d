using Geo.Core.Sources;
using Geo.Data.Indicators;
using Geo.Data.Manifest;

namespace Geo.Data.Tests.Indicators;

/// <summary>The small files in tests/fixtures/indicators, a tiny dataset's context to read them against, and entry builders.</summary>
internal static class IndicatorFixtures
{
    public const string ManifestFile = "test.dataset.json";

    public static string Path(string name) => System.IO.Path.Combine(AppContext.BaseDirectory, "fixtures", "indicators", name);

    /// <summary>
    /// Three neighbourhoods E01000001-3 in places E06000001-2; the 2021 partners of the 2011 lookup fixture
    /// (E01100011 1,000 people, E01100012 3,000, E01100020 2,400, E01000040 1,250, E01100051 600, E01100052 900)
    /// in E06000003; and W01000070 (950 people) outside the dataset, as in an England and Wales population file.
    /// </summary>
    public static IndicatorReadContext Context(IReadOnlyDictionary<string, double>? population = null)
    {
        var codes = new (string Code, string Place, double People)[]
        {
            ("E01000001", "E06000001", 1_500), ("E01000002", "E06000001", 1_700), ("E01000003", "E06000002", 1_600),
            ("E01100011", "E06000003", 1_000), ("E01100012", "E06000003", 3_000), ("E01100020", "E06000003", 2_400),
            ("E01000040", "E06000003", 1_250), ("E01100051", "E06000003", 600), ("E01100052", "E06000003", 900),
        };
        var hierarchy = codes.Select((c, i) => new HierarchyRecord(c.Code, null, c.Place, c.Place, "E54000001", "Test system", i + 2L));
        var bands = new[] { new AgeBand(0, 64), new AgeBand(65, null) };
        var people = codes.Select(c => (c.Code, c.People)).Append(("W01000070", 950))
            .Select((c, i) => new PopulationRecord(c.Code, [c.People * 0.8, c.People * 0.2], i + 2L)).ToList();
        var context = IndicatorReadContext.ForDataset(ManifestFile, hierarchy, bands, people);
        return population is null ? context : context with { Population = population };
    }

    public static IndicatorSpec Spec(IndicatorFileSpec file, string valueType = "crude-rate", string polarity = "higher-is-worse", double multiplier = 100_000) => new()
    {
        Id = "test-indicator",
        Name = "Test indicator",
        ValueType = valueType,
        Multiplier = multiplier,
        Polarity = polarity,
        Unit = "per 100,000",
        Source = "hand-made fixture",
        File = file,
    };

    /// <summary>Reads a fixture with the entry's file path set to it.</summary>
    public static Core.Indicators.IndicatorSource Read(IndicatorSpec spec, IndicatorReadContext? context = null) =>
        IndicatorReader.Read(spec, Path(spec.File.Path), context ?? Context());

    public static Lsoa11LookupSpec Lookup => new() { Path = "lsoa11_lookup.csv" };

    /// <summary>Asserts the error names the file, the line and the field, in its properties and its message.</summary>
    public static void AssertNames(GeoDataException error, string file, long? line, string? field)
    {
        Assert.Equal(file, error.File);
        Assert.Equal(line, error.Line);
        Assert.Equal(field, error.Field);
        Assert.Contains(file, error.Message, StringComparison.Ordinal);
        if (line is not null)
        {
            Assert.Contains($"line {line}", error.Message, StringComparison.Ordinal);
        }

        if (field is not null)
        {
            Assert.Contains($"'{field}'", error.Message, StringComparison.Ordinal);
        }
    }
}
