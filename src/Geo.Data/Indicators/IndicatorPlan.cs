using Geo.Core.Indicators;
using Geo.Core.Sources;
using Geo.Data.Manifest;

namespace Geo.Data.Indicators;

/// <summary>
/// A manifest entry checked and parsed: the definition, the format, what the area codes are and what a
/// blank numerator means. Every problem is a <see cref="GeoDataException"/> naming the manifest and the
/// field (<c>indicators[2].file.numerator</c>), raised before the data file is opened. Immutable.
/// </summary>
internal sealed class IndicatorPlan
{
    private IndicatorPlan(IndicatorSpec spec, IndicatorReadContext context)
    {
        Spec = spec;
        File = spec.File;
        Context = context;
    }

    public IndicatorSpec Spec { get; }

    public IndicatorFileSpec File { get; }

    public IndicatorReadContext Context { get; }

    public IndicatorDefinition Definition { get; private set; } = null!;

    public IndicatorFormat Format { get; private set; }

    public IndicatorAreaLevel AreaLevel { get; private set; }

    public BlankNumeratorRule Blank { get; private set; }

    public bool IsScore => Definition.ValueType == IndicatorValueType.Score;

    /// <summary>Provider data: each row's <c>file.value</c> is a proportion of the provider's patients (0 to 1).</summary>
    public bool IsProviderShare => AreaLevel == IndicatorAreaLevel.Provider;

    /// <summary>Whether the figure is read from <c>file.value</c> (a score, or a provider's proportion) rather than counts.</summary>
    public bool ReadsValue => IsScore || IsProviderShare;

    public static IndicatorPlan Parse(IndicatorSpec spec, IndicatorReadContext context)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(context);
        var plan = new IndicatorPlan(spec, context);
        plan.ParseDefinition();
        plan.ParseFile();
        return plan;
    }

    /// <summary>An error about the manifest entry's field, e.g. <c>file.numerator</c>.</summary>
    public GeoDataException Error(string field, string problem) =>
        new(Context.Manifest, null, $"{Context.Entry}.{field}", problem);

    /// <summary>
    /// Whether <paramref name="id"/> is an indicator id: letters, digits, '-', '_' and '.', starting with a letter or digit,
    /// so that it is one path segment of the API's URLs and never a dot-segment ("." or "..") a client would resolve away.
    /// </summary>
    internal static bool IsId(string id) =>
        id.Length > 0 && char.IsAsciiLetterOrDigit(id[0]) && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');

    private void ParseDefinition()
    {
        var id = Spec.Id?.Trim() ?? "";
        if (!IsId(id))
        {
            throw Error("id", $"'{Spec.Id}' is not an indicator id: use letters, digits and '-', starting with a letter or digit, e.g. 'copd-emergency-admissions'");
        }

        if (string.IsNullOrWhiteSpace(Spec.Name))
        {
            throw Error("name", "is empty; give the indicator a name people will recognise");
        }

        if (!IndicatorTerms.TryParseValueType(Spec.ValueType, out var type))
        {
            throw Error("valueType", $"'{Spec.ValueType}' is not a value type; use one of {IndicatorTerms.ValueTypeNames}");
        }

        if (!IndicatorTerms.TryParsePolarity(Spec.Polarity, out var polarity))
        {
            throw Error("polarity", $"'{Spec.Polarity}' is not a polarity; use one of {IndicatorTerms.PolarityNames}");
        }

        if (!double.IsFinite(Spec.Multiplier) || Spec.Multiplier <= 0)
        {
            throw Error("multiplier", $"{Spec.Multiplier} is not a multiplier; use a positive number such as 100000, 100 or 1");
        }

        if (Spec.Pool is not (1 or 3 or 5) || (Spec.Pool > 1 && type == IndicatorValueType.Score))
        {
            throw Error("pool", type == IndicatorValueType.Score && Spec.Pool is 3 or 5
                ? "a score is not pooled over periods; leave pool out (1)"
                : $"{Spec.Pool} is not a pool size; use 1 (single periods), 3 or 5 (rolling pools)");
        }

        Definition = new IndicatorDefinition(id, Spec.Name.Trim(), type, Spec.Multiplier, polarity, Spec.Unit ?? "", Spec.Source ?? "");
    }

    private void ParseFile()
    {
        if (File is null || string.IsNullOrWhiteSpace(File.Path))
        {
            throw Error("file.path", "is missing; name the CSV holding the indicator's figures");
        }

        Format = File.Format?.Trim().ToLowerInvariant() switch
        {
            "long" => IndicatorFormat.Long,
            "fingertips" => IndicatorFormat.Fingertips,
            _ => throw Error("file.format", $"'{File.Format}' is not a format; use long or fingertips"),
        };

        AreaLevel = File.AreaLevel?.Trim().ToLowerInvariant() switch
        {
            "neighbourhood" => IndicatorAreaLevel.Neighbourhood,
            "neighbourhood-2011" => IndicatorAreaLevel.Neighbourhood2011,
            "place" => IndicatorAreaLevel.Place,
            "provider" => IndicatorAreaLevel.Provider,
            _ => throw Error("file.areaLevel", $"'{File.AreaLevel}' is not an area level; use neighbourhood, neighbourhood-2011, place or provider"),
        };

        Blank = File.BlankNumerator?.Trim().ToLowerInvariant() switch
        {
            null or "error" => BlankNumeratorRule.Error,
            "skip" => BlankNumeratorRule.Skip,
            "zero" => BlankNumeratorRule.Zero,
            _ => throw Error("file.blankNumerator", $"'{File.BlankNumerator}' is not a rule for blank numerators; use error, skip or zero"),
        };

        var type = Definition.ValueType;
        if (File.Period is not null && File.FixedPeriod is not null)
        {
            throw Error("file.fixedPeriod", "is set as well as file.period; give one: the period column, or the one period of every row");
        }

        if (File.FixedPeriod is { } fixedPeriod && string.IsNullOrWhiteSpace(fixedPeriod))
        {
            throw Error("file.fixedPeriod", "is empty; give the period of every row, e.g. \"2025\"");
        }

        if (File.Numerator is not null && File.Numerators is not null)
        {
            throw Error("file.numerators", "is set as well as file.numerator; give one");
        }

        if (File.Numerators is { Count: 0 })
        {
            throw Error("file.numerators", "is an empty list; name the columns to add up");
        }

        if (File.Filter is { } filter && string.IsNullOrWhiteSpace(filter.Column))
        {
            throw Error("file.filter.column", "is empty; name the column to filter on");
        }

        if (AreaLevel == IndicatorAreaLevel.Neighbourhood2011)
        {
            if (File.Lsoa11Lookup is null)
            {
                throw Error("file.lsoa11Lookup", "is missing: 2011 neighbourhood codes are mapped to 2021 through the ONS LSOA (2011) to LSOA (2021) lookup");
            }

            if (Context.Lsoa11LookupPath is null)
            {
                throw Error("file.lsoa11Lookup.path", "was not resolved to a file");
            }
        }

        if (File.Flows is not null && AreaLevel != IndicatorAreaLevel.Provider)
        {
            throw Error("file.flows", "is for areaLevel provider only: the flow table that attributes providers' figures to neighbourhoods");
        }

        if (AreaLevel == IndicatorAreaLevel.Provider)
        {
            CheckProvider(type);
            return;
        }

        if (Format == IndicatorFormat.Long)
        {
            CheckLong(type);
        }
        else
        {
            CheckFingertips(type);
        }

        var usesDatasetPopulation = Format == IndicatorFormat.Long ? File.Denominator is null : type == IndicatorValueType.Score;
        if (usesDatasetPopulation && Context.Population.Count == 0)
        {
            throw Error("file.denominator", type == IndicatorValueType.Score
                ? "a score is averaged weighted by population, and the dataset has no population file"
                : "is missing and the dataset has no population file to take the denominator from");
        }
    }

    private void CheckLong(IndicatorValueType type)
    {
        if (string.IsNullOrWhiteSpace(File.Area))
        {
            throw Error("file.area", "is missing; name the column of area codes");
        }

        if (File.Period is null && File.FixedPeriod is null)
        {
            throw Error("file.period", "is missing; name the period column, or set file.fixedPeriod when every row is for one period");
        }

        foreach (var (name, value) in new[] { ("indicatorId", File.IndicatorId), ("sexValue", File.SexValue), ("ageValue", File.AgeValue) })
        {
            if (value is not null)
            {
                throw Error($"file.{name}", "is for fingertips files only");
            }
        }

        if (type == IndicatorValueType.Score)
        {
            if (File.Value is null)
            {
                throw Error("file.value", "is missing; a score indicator reads its score from this column");
            }

            if (File.Numerator is not null || File.Numerators is not null)
            {
                throw Error(File.Numerator is not null ? "file.numerator" : "file.numerators", "is for count-based indicators; a score is read from file.value");
            }

            CheckScoreHasNoBreakdown();
            return;
        }

        if (File.Value is not null)
        {
            throw Error("file.value", $"is for score indicators; a {IndicatorTerms.Name(type)} is computed from file.numerator and the denominator");
        }

        if (File.Numerator is null && File.Numerators is null)
        {
            throw Error("file.numerator", "is missing; name the column of counts (or list several in file.numerators to add up)");
        }

        if (IsStandardised(type) && File.AgeBand is null)
        {
            throw Error("file.ageBand", $"is missing: a {IndicatorTerms.Name(type)} is standardised by age, so its counts must be by age band");
        }
    }

    /// <summary>
    /// Provider data: one proportion per provider and period in the long format, shared out over neighbourhoods by the
    /// flow table; the estimated count is the proportion times the patients, the denominator the patients.
    /// </summary>
    private void CheckProvider(IndicatorValueType type)
    {
        if (Format != IndicatorFormat.Long)
        {
            throw Error("file.format", "must be long for areaLevel provider: one row per provider (and period)");
        }

        if (type != IndicatorValueType.Proportion)
        {
            throw Error("valueType", $"is {IndicatorTerms.Name(type)}, but a provider's figure is a proportion of its patients, so the attributed figures are a proportion (use proportion, with multiplier 100 for a percentage)");
        }

        if (string.IsNullOrWhiteSpace(File.Area))
        {
            throw Error("file.area", "is missing; name the column of provider (GP practice) codes");
        }

        if (File.Period is null && File.FixedPeriod is null)
        {
            throw Error("file.period", "is missing; name the period column, or set file.fixedPeriod when every row is for one period");
        }

        if (File.Value is null)
        {
            throw Error("file.value", "is missing; name the column of each provider's proportion of its patients (0 to 1), e.g. a QOF prevalence");
        }

        foreach (var (name, value) in new (string, object?)[]
        {
            ("numerator", File.Numerator), ("numerators", File.Numerators), ("denominator", File.Denominator), ("ageBand", File.AgeBand),
            ("sex", File.Sex), ("lsoa11Lookup", File.Lsoa11Lookup), ("indicatorId", File.IndicatorId), ("sexValue", File.SexValue), ("ageValue", File.AgeValue),
        })
        {
            if (value is not null)
            {
                throw Error($"file.{name}", "is not used with areaLevel provider: the count is file.value times the provider's patients in the flow table, which is also the denominator");
            }
        }

        if (Context.ProviderFlows is null)
        {
            throw Error("file.flows", "is missing and the dataset has no flows entry: a provider's figure reaches neighbourhoods through a flow table of its patients by neighbourhood");
        }
    }

    private void CheckFingertips(IndicatorValueType type)
    {
        if (IsStandardised(type))
        {
            throw Error("valueType", $"a {IndicatorTerms.Name(type)} needs counts by age band, which Fingertips exports do not hold; import it as a score from Value, or give the counts in the long format");
        }

        if (File.AgeBand is not null)
        {
            throw Error("file.ageBand", "is for the long format; Fingertips rows are chosen by their Age with file.ageValue");
        }

        if (File.Numerators is not null)
        {
            throw Error("file.numerators", "is for the long format; Fingertips counts are in one column");
        }
    }

    private void CheckScoreHasNoBreakdown()
    {
        if (File.AgeBand is not null)
        {
            throw Error("file.ageBand", "a score has no age bands: it is averaged by population, not summed");
        }

        if (File.Sex is not null)
        {
            throw Error("file.sex", "a score cannot be summed over sexes; filter the rows to one sex with file.filter instead");
        }
    }

    private static bool IsStandardised(IndicatorValueType type) => IndicatorTerms.IsStandardised(type);
}
