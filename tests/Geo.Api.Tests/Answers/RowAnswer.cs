using System.Text.Json.Serialization;
using Geo.Core.Indicators;
using Geo.Core.Indicators.Suppression;
using Geo.Core.Statistics;

namespace Geo.Api.Tests.Answers;

/// <summary>
/// A published row as the API's clients read it (the viewer in web/src): the tests' own declaration of the
/// contract, written out independently of the row schema in Geo.Core, so that a renamed, swapped or retyped
/// column fails here. A property the answer has and this record lacks fails the read.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record RowAnswer(
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("level")] string Level,
    [property: JsonPropertyName("parent")] string? Parent,
    [property: JsonPropertyName("period")] string Period,
    [property: JsonPropertyName("count")] double? Count,
    [property: JsonPropertyName("denominator")] double? Denominator,
    [property: JsonPropertyName("value")] double? Value,
    [property: JsonPropertyName("lower95")] double? Lower95,
    [property: JsonPropertyName("upper95")] double? Upper95,
    [property: JsonPropertyName("lower998")] double? Lower998,
    [property: JsonPropertyName("upper998")] double? Upper998,
    [property: JsonPropertyName("vs_parent")] string? VsParent,
    [property: JsonPropertyName("vs_england")] string? VsEngland,
    [property: JsonPropertyName("rank")] int? Rank,
    [property: JsonPropertyName("expected")] double? Expected,
    [property: JsonPropertyName("excess")] double? Excess,
    [property: JsonPropertyName("excess_share")] double? ExcessShare,
    [property: JsonPropertyName("suppressed")] string? Suppressed,
    [property: JsonPropertyName("vs_parent_998")] string? VsParent998,
    [property: JsonPropertyName("vs_england_998")] string? VsEngland998,
    [property: JsonPropertyName("funnel_lower95")] double? FunnelLower95,
    [property: JsonPropertyName("funnel_upper95")] double? FunnelUpper95,
    [property: JsonPropertyName("funnel_lower998")] double? FunnelLower998,
    [property: JsonPropertyName("funnel_upper998")] double? FunnelUpper998,
    [property: JsonPropertyName("funnel")] string? Funnel,
    [property: JsonPropertyName("coverage")] double? Coverage,
    [property: JsonPropertyName("note")] string? Note)
{
    /// <summary>
    /// What the API must answer for <paramref name="row"/>, worked out here by hand from the row's fields
    /// (docs/api.md: 6 decimals, words by polarity, null for what is missing), not by the code under test.
    /// </summary>
    public static RowAnswer Of(IndicatorRow row, Polarity polarity) => new(
        row.Area.Code,
        row.Area.Name,
        row.Area.Level.ToString().ToLowerInvariant(),
        row.Area.ParentCode,
        row.Period,
        Round(row.Count),
        Round(row.Denominator),
        Round(row.Value),
        Round(row.Lower95),
        Round(row.Upper95),
        Round(row.Lower998),
        Round(row.Upper998),
        Word(row.VsParent95, polarity),
        Word(row.VsEngland95, polarity),
        row.Rank,
        Round(row.Expected),
        Round(row.Excess),
        Round(row.ExcessShare),
        row.Suppression switch
        {
            SuppressionReason.Primary => "primary",
            SuppressionReason.Secondary => "secondary",
            _ => null,
        },
        Word(row.VsParent998, polarity),
        Word(row.VsEngland998, polarity),
        Round(row.Funnel95?.Lower),
        Round(row.Funnel95?.Upper),
        Round(row.Funnel998?.Lower),
        Round(row.Funnel998?.Upper),
        row.FunnelPosition switch
        {
            FunnelPosition.Above998 => "above998",
            FunnelPosition.Above95 => "above95",
            FunnelPosition.WithinLimits => "within",
            FunnelPosition.Below95 => "below95",
            FunnelPosition.Below998 => "below998",
            _ => null,
        },
        Round(row.Coverage),
        string.IsNullOrEmpty(row.Note) ? null : row.Note);

    /// <summary>Asserts each field of <paramref name="actual"/>, naming the first column that differs.</summary>
    public static void AssertEqual(RowAnswer expected, RowAnswer actual)
    {
        foreach (var property in typeof(RowAnswer).GetProperties())
        {
            var name = property.GetCustomAttributes(typeof(JsonPropertyNameAttribute), false).Cast<JsonPropertyNameAttribute>().Single().Name;
            var want = property.GetValue(expected);
            var got = property.GetValue(actual);
            Assert.True(Equals(want, got), $"{expected.Code} {name}: expected {want ?? "null"}, got {got ?? "null"}");
        }
    }

    private static double? Round(double? value) => value is { } v ? Math.Round(v, 6) : null;

    private static string? Word(Comparison comparison, Polarity polarity) => (comparison, polarity) switch
    {
        (Comparison.Similar, _) => "similar",
        (Comparison.Higher, Polarity.HigherIsWorse) => "worse",
        (Comparison.Higher, Polarity.HigherIsBetter) => "better",
        (Comparison.Higher, Polarity.NoJudgement) => "higher",
        (Comparison.Lower, Polarity.HigherIsWorse) => "better",
        (Comparison.Lower, Polarity.HigherIsBetter) => "worse",
        (Comparison.Lower, Polarity.NoJudgement) => "lower",
        _ => null,
    };
}
