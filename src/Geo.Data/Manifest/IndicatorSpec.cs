using System.Text.Json.Serialization;

namespace Geo.Data.Manifest;

/// <summary>
/// One indicator of a dataset: what it is and which file holds its figures. See docs/data.md.
/// </summary>
public sealed class IndicatorSpec
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    /// <summary><c>crude-rate</c>, <c>proportion</c>, <c>dsr</c>, <c>isr</c> or <c>score</c>.</summary>
    public required string ValueType { get; init; }

    /// <summary>E.g. 100000 for a rate per 100,000, 100 for a percentage or an SAR; 1 for a score.</summary>
    public double Multiplier { get; init; } = 1;

    /// <summary><c>higher-is-worse</c>, <c>higher-is-better</c> or <c>no-judgement</c>.</summary>
    public string Polarity { get; init; } = "no-judgement";

    public string Unit { get; init; } = "";

    public string Source { get; init; } = "";

    /// <summary>The one pool size the indicator is published in: 1 (single periods, the default), 3 or 5 (rolling pools).</summary>
    public int Pool { get; init; } = 1;

    public required IndicatorFileSpec File { get; init; }
}

/// <summary>The CSV holding an indicator's figures and the meaning of its columns.</summary>
public sealed class IndicatorFileSpec
{
    public required string Path { get; init; }

    /// <summary><c>long</c> (one row per area, period and optionally age band and sex) or
    /// <c>fingertips</c> (OHID Fingertips export: IndicatorID, AreaCode, TimePeriod, Count, Denominator, Value …).</summary>
    public string Format { get; init; } = "long";

    /// <summary>What the area codes are: <c>neighbourhood</c> (2021 LSOAs), <c>neighbourhood-2011</c>
    /// (2011 LSOAs, mapped through <see cref="Lsoa11Lookup"/>), <c>place</c> (districts: kept at that level) or
    /// <c>provider</c> (GP practices: <see cref="Value"/> is a proportion of each practice's patients, attributed to
    /// neighbourhoods through <see cref="Flows"/> or the dataset's flow table).</summary>
    public string AreaLevel { get; init; } = "neighbourhood";

    /// <summary>Column of the area code (default for fingertips: <c>AreaCode</c>).</summary>
    public string? Area { get; init; }

    /// <summary>Column of the period (default for fingertips: <c>TimePeriod</c>); omit and set <see cref="FixedPeriod"/> for one-period files.</summary>
    public string? Period { get; init; }

    /// <summary>The period of every row when the file has no period column, e.g. <c>2025</c>.</summary>
    public string? FixedPeriod { get; init; }

    /// <summary>Optional column of age bands such as <c>0-4</c> … <c>90+</c>; required for dsr and isr.</summary>
    public string? AgeBand { get; init; }

    /// <summary>Optional column of sex; rows are summed over sexes.</summary>
    public string? Sex { get; init; }

    /// <summary>Column of the numerator (event count); default for fingertips: <c>Count</c>.</summary>
    public string? Numerator { get; init; }

    /// <summary>Instead of <see cref="Numerator"/>: several columns whose sum is the numerator, e.g. single
    /// years of age 65 … 90+ of a population file.</summary>
    public IReadOnlyList<string>? Numerators { get; init; }

    /// <summary>What an empty numerator (or score) cell means: <c>error</c> (the default), <c>skip</c> (the row
    /// is left out and counted in the import notes, e.g. counts suppressed by the publisher) or <c>zero</c>.</summary>
    public string? BlankNumerator { get; init; }

    /// <summary>Optional column of the denominator; without it the dataset's population is used.
    /// Default for fingertips: <c>Denominator</c>.</summary>
    public string? Denominator { get; init; }

    /// <summary>Column of the score, for score indicators; for <c>provider</c> data, of each provider's proportion (0 to 1).</summary>
    public string? Value { get; init; }

    /// <summary>For fingertips files holding several indicators: the IndicatorID whose rows to take.</summary>
    public string? IndicatorId { get; init; }

    /// <summary>For fingertips: the Sex whose rows to take; default <c>Persons</c>.</summary>
    public string? SexValue { get; init; }

    /// <summary>For fingertips: the Age whose rows to take, e.g. <c>65+ yrs</c>; needed only when the file holds several.</summary>
    public string? AgeValue { get; init; }

    /// <summary>Optional: only rows whose column equals a value are read (e.g. one condition of a file holding several).</summary>
    public IndicatorFilterSpec? Filter { get; init; }

    /// <summary>For <c>neighbourhood-2011</c>: the ONS LSOA 2011 → 2021 lookup.</summary>
    public Lsoa11LookupSpec? Lsoa11Lookup { get; init; }

    /// <summary>For <c>provider</c>: the flow table (patients of each provider by neighbourhood) to attribute through;
    /// the dataset's <c>flows</c> entry when omitted.</summary>
    public FlowSpec? Flows { get; init; }
}

/// <summary>The ONS LSOA (2011) to LSOA (2021) lookup: one row per pair of codes.</summary>
public sealed class Lsoa11LookupSpec
{
    public required string Path { get; init; }

    public string Lsoa11 { get; init; } = "lsoa11_code";

    public string Lsoa21 { get; init; } = "lsoa21_code";
}

/// <summary>A row filter: only rows whose <see cref="Column"/> equals <see cref="EqualTo"/> (trimmed, ignoring case) are read.</summary>
public sealed class IndicatorFilterSpec
{
    public required string Column { get; init; }

    /// <summary>The value to keep; <c>equals</c> in the manifest.</summary>
    [JsonPropertyName("equals")]
    public required string EqualTo { get; init; }
}
