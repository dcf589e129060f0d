using System.Text.Json;
using Geo.Api.Apis;
using Geo.Core.Geography;
using Geo.Core.Indicators;
using Geo.Core.Statistics;
using Geo.Data.Export;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NetTopologySuite.Geometries;

namespace Geo.Api.Tests.Apis;

/// <summary>The published row's columns, and one hand-made row written the same way by every format.</summary>
public class RowSchemaTests(DemoApiFactory factory) : IClassFixture<DemoApiFactory>
{
    /// <summary>The published columns (name, type, unit), written out here rather than read from the schema under test.</summary>
    public static readonly (string Name, string Type, string? Unit)[] Columns =
    [
        ("code", "text", null),
        ("name", "text", null),
        ("level", "text", null),
        ("parent", "text", null),
        ("period", "text", null),
        ("count", "number", "events"),
        ("denominator", "number", "persons"),
        ("value", "number", "the indicator's unit"),
        ("lower95", "number", "the indicator's unit"),
        ("upper95", "number", "the indicator's unit"),
        ("lower998", "number", "the indicator's unit"),
        ("upper998", "number", "the indicator's unit"),
        ("vs_parent", "text", null),
        ("vs_england", "text", null),
        ("rank", "integer", null),
        ("expected", "number", "events"),
        ("excess", "number", "events"),
        ("excess_share", "number", "share 0-1"),
        ("suppressed", "text", null),
        ("vs_parent_998", "text", null),
        ("vs_england_998", "text", null),
        ("funnel_lower95", "number", "the indicator's unit"),
        ("funnel_upper95", "number", "the indicator's unit"),
        ("funnel_lower998", "number", "the indicator's unit"),
        ("funnel_upper998", "number", "the indicator's unit"),
        ("funnel", "text", null),
        ("coverage", "number", "share 0-1"),
        ("note", "text", null),
    ];

    public static IEnumerable<string> Names => Columns.Select(c => c.Name);

    // A place in an indicator where higher is worse: 7 decimals rounded to 6, limits missing, every kind of comparison.
    private static readonly IndicatorRow Known = new()
    {
        Area = new Area("X02000001", "Little Hinton", Level.Place, "X01000001", []),
        Period = "2023/24",
        Count = 12,
        Denominator = 3456.5,
        Value = 123.4567891,
        Lower95 = 100.0000004,
        Upper95 = 150.25,
        VsParent95 = Comparison.Higher,
        VsEngland95 = Comparison.Lower,
        VsParent998 = Comparison.Similar,
        VsEngland998 = Comparison.NotCompared,
        Rank = 3,
        Expected = 9.87654321,
        Excess = 2.12345679,
        ExcessShare = 0.25,
        Funnel95 = new ControlLimits(110, 140),
        FunnelPosition = FunnelPosition.Above95,
        Coverage = 1,
    };

    private static readonly IndicatorDefinition HigherIsWorse =
        new("test", "Test", IndicatorValueType.CrudeRate, 100_000, Polarity.HigherIsWorse, "per 100,000", "hand-made");

    private const string KnownCsv =
        "X02000001,Little Hinton,place,X01000001,2023/24,12,3456.5,123.456789,100,150.25,,,worse,better,3,9.876543,2.123457,0.25,,similar,,110,140,,,above95,1,";

    // Written with ' for " to stay readable.
    private static readonly string KnownJson = (
        "{'code':'X02000001','name':'Little Hinton','level':'place','parent':'X01000001','period':'2023/24','count':12,'denominator':3456.5,"
        + "'value':123.456789,'lower95':100,'upper95':150.25,'lower998':null,'upper998':null,'vs_parent':'worse','vs_england':'better',"
        + "'rank':3,'expected':9.876543,'excess':2.123457,'excess_share':0.25,'suppressed':null,'vs_parent_998':'similar','vs_england_998':null,"
        + "'funnel_lower95':110,'funnel_upper95':140,'funnel_lower998':null,'funnel_upper998':null,'funnel':'above95','coverage':1,'note':null}")
        .Replace('\'', '"');

    [Fact]
    public void Columns_NamesAndTypesInOrder_AreThePublishedContract()
    {
        Assert.Equal(Columns, IndicatorColumns.All.Select(c => (c.Name, c.Type.ToString().ToLowerInvariant(), c.Unit)));
        Assert.Equal(Columns, ExportColumn.All.Select(c => (c.Name, c.Type, c.Unit)));
        Assert.All(ExportColumn.All, c => Assert.False(string.IsNullOrWhiteSpace(c.Description), c.Name));
    }

    [Fact]
    public void KnownRow_Csv_IsTheHandWrittenLine()
    {
        using var csv = new StringWriter();

        IndicatorExporter.WriteCsv(csv, [Known], HigherIsWorse);

        Assert.Equal(string.Join(',', Names) + "\n" + KnownCsv + "\n", csv.ToString());
    }

    [Fact]
    public void KnownRow_GeoJsonProperties_AreTheHandWrittenObject()
    {
        using var stream = new MemoryStream();
        var metadata = new ExportMetadata("d", true, "v", "test", "Test", "crude-rate", 100_000, "per 100,000", "higher-is-worse", "s",
            "2023/24", "one", "m", "c", "r", "geo export", ExportColumn.All);

        IndicatorExporter.WriteGeoJson(stream, [Known], HigherIsWorse, new Dictionary<string, Geometry>(), metadata);

        using var json = JsonDocument.Parse(stream.ToArray());
        Assert.Equal(KnownJson, json.RootElement.GetProperty("features")[0].GetProperty("properties").GetRawText());
    }

    [Fact]
    public void KnownRow_ApiJson_IsTheHandWrittenObject()
    {
        // The server's own serializer options: the source-generated ApiJsonContext first, as endpoints use them.
        var options = factory.Services.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        var metadata = new ExportMetadata("d", true, "v", "test", "Test", "crude-rate", 100_000, "per 100,000", "higher-is-worse", "s",
            "2023/24", "one", "m", "c", "r", "GET", ExportColumn.All);

        var text = JsonSerializer.Serialize(new IndicatorAreaDto(metadata, IndicatorRowDto.From(Known, HigherIsWorse)), options);

        using var json = JsonDocument.Parse(text);
        Assert.Equal(KnownJson, json.RootElement.GetProperty("row").GetRawText());
    }

    [Fact]
    public void KnownRow_DtoValue_IsThePublishedRoundedValue()
    {
        Assert.Equal(123.456789, IndicatorRowDto.From(Known, HigherIsWorse).Value);
    }
}
