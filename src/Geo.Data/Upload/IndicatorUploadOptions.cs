namespace Geo.Data.Upload;

/// <summary>
/// What a person says about their own indicator CSV (see docs/data.md, "Your own data"): which columns hold the area code,
/// the count and optionally the denominator, age band and period, and what the figures are. The same words in the API's
/// query (<c>POST /api/indicators?id=…&amp;area=…&amp;count=…</c>) and on the command line (<c>--indicator-file</c>).
/// Immutable.
/// </summary>
public sealed record IndicatorUploadOptions
{
    /// <summary>The new indicator's id: letters, digits, '-', '_', '.'; not one the dataset has.</summary>
    public string? Id { get; init; }

    /// <summary>Its name; the id when empty.</summary>
    public string? Name { get; init; }

    /// <summary><c>crude-rate</c> (default), <c>proportion</c>, <c>dsr</c>, <c>isr</c> or <c>score</c>.</summary>
    public string? ValueType { get; init; }

    /// <summary>Null for the value type's usual one: 100,000 for rates, 100 for a proportion or ratio, 1 for a score.</summary>
    public double? Multiplier { get; init; }

    /// <summary><c>higher-is-worse</c>, <c>higher-is-better</c> or <c>no-judgement</c> (default).</summary>
    public string? Polarity { get; init; }

    /// <summary>What the codes are: <c>neighbourhood</c> (LSOA 2021, default), <c>neighbourhood-2011</c> (LSOA 2011) or
    /// <c>place</c> (district).</summary>
    public string? AreaLevel { get; init; }

    /// <summary>Column of area codes.</summary>
    public string? Area { get; init; }

    /// <summary>Column of counts (the score, for a score).</summary>
    public string? Count { get; init; }

    /// <summary>Optional column of denominators; without it, the dataset's population.</summary>
    public string? Denominator { get; init; }

    /// <summary>Optional column of age bands ("0-4" … "90+"); required for dsr and isr.</summary>
    public string? AgeBand { get; init; }

    /// <summary>Optional column of periods.</summary>
    public string? Period { get; init; }

    /// <summary>Without <see cref="Period"/>: the period of every row (default <see cref="DefaultPeriod"/>).</summary>
    public string? PeriodLabel { get; init; }

    /// <summary>Optional unit shown with values.</summary>
    public string? Unit { get; init; }

    /// <summary>Optional source, as a person would cite it.</summary>
    public string? Source { get; init; }

    /// <summary>The period of a file without a period column when none is given.</summary>
    public const string DefaultPeriod = "all";
}
