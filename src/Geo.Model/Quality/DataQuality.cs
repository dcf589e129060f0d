using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Geo.Core.Geography;
using Geo.Core.Indicators;
using Geo.Core.Indicators.Suppression;

namespace Geo.Model.Quality;

/// <summary>
/// Gathers an area's <see cref="AreaQuality"/> from what the load and the engine already know: the published row's
/// coverage and suppression, the dataset's population and load report, the indicator's records (which areas have a figure
/// in the period), its input origins (<see cref="IndicatorSource.Origins"/>) and the geography's partial places.
/// Stateless and thread-safe.
/// </summary>
public static partial class DataQuality
{
    /// <summary>How many of the area's unmatched codes are listed (all are counted).</summary>
    public const int ListedCodes = 20;

    /// <param name="engine">The engine <paramref name="view"/> was published from (a pooled one for pooled indicators).</param>
    public static AreaQuality Of(Dataset dataset, IndicatorEngine engine, IndicatorView view, Area area)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(area);
        var source = engine.Source;
        var geography = dataset.Geography;
        var row = view.Get(area.Code);
        var neighbourhoods = geography.Neighbourhoods(area).ToArray();

        var withData = WithData(engine, view.Period);
        var units = Units(geography, area, source.DataLevel).ToArray();
        var unitsWithData = units.Where(u => withData.Contains(u.Code)).ToArray();

        double? population = dataset.Population.Count == 0
            ? null
            : neighbourhoods.Sum(n => dataset.Population.TryGetValue(n.Code, out var bands) ? bands.Sum() : 0);
        var coverage = new QualityCoverage(row.Coverage, population, population * row.Coverage, units.Length, unitsWithData.Length);

        var suppressed = unitsWithData.Count(u => view.Get(u.Code).Suppression != SuppressionReason.None);
        var suppression = new QualitySuppression(row.Suppression != SuppressionReason.None, unitsWithData.Length, suppressed,
            Share(suppressed, unitsWithData.Length), view.SuppressionRule);

        var report = dataset.Report.UnmatchedCodes;
        var inArea = new HashSet<string>(neighbourhoods.Select(n => n.Code), StringComparer.OrdinalIgnoreCase);
        var unmatched = report.Where(u => inArea.Contains(u.Code)).ToArray();

        return new AreaQuality(
            area.Code,
            area.Name,
            area.Level.ToName(),
            source.DataLevel.ToName(),
            coverage,
            Denominator(dataset, source),
            new QualityVintages(dataset.BoundaryVintage, view.Period, view.Definition.Source, Mapping(source)),
            Inputs(source, unitsWithData),
            suppression,
            new QualityUnmatched(unmatched.Length, [.. unmatched.Take(ListedCodes).Select(u => u with { File = Path.GetFileName(u.File) })],
                report.Count, [.. source.ImportNotes.Select(WithoutFolders)]));
    }

    /// <summary>The codes with a record in the period, found once per engine and period (every answer about an area carries
    /// its quality in the metadata, so this is on the path of the children and level answers).</summary>
    private static HashSet<string> WithData(IndicatorEngine engine, string period) =>
        Found.GetOrCreateValue(engine).GetOrAdd(period, p => new Lazy<HashSet<string>>(() =>
        {
            var codes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var record in engine.Source.Records)
            {
                if (record.Period == p)
                {
                    codes.Add(record.Area);
                }
            }

            return codes;
        })).Value;

    private static readonly ConditionalWeakTable<IndicatorEngine, ConcurrentDictionary<string, Lazy<HashSet<string>>>> Found = [];

    /// <summary>The areas of the data level that make <paramref name="area"/>: its neighbourhoods, or its places (itself
    /// if it is one) for place data; none for a neighbourhood under place data.</summary>
    private static IEnumerable<Area> Units(Geography geography, Area area, Level dataLevel)
    {
        if (area.Level == dataLevel)
        {
            return [area];
        }

        return area.Level > dataLevel ? [] : geography.Children(area).SelectMany(c => Units(geography, c, dataLevel));
    }

    private static QualityDenominator Denominator(Dataset dataset, IndicatorSource source)
    {
        if (source.Definition.ValueType == IndicatorValueType.Score)
        {
            return new QualityDenominator("none", "A score has no denominator; areas are combined by a population-weighted mean.");
        }

        if (source.Origins.Values.Any(o => o == InputOrigin.Attributed))
        {
            return new QualityDenominator("registered",
                "Patients registered at GP practices, by where they live (the flow table): a registered, not a resident, population.");
        }

        if (source.Records.Count > 0 && source.Records[0].Denominator is not null)
        {
            return new QualityDenominator("file", "The indicator file's own denominators, summed like the counts.");
        }

        var bands = dataset.AgeBands.Count > 1 ? $", by {dataset.AgeBands.Count} age bands" : "";
        return new QualityDenominator("resident", $"The dataset's resident population{bands}, summed from the neighbourhoods"
            + (source.PopulationPeriods > 1 ? $", counted once per period of the pool ({source.PopulationPeriods}: person-years)." : "."));
    }

    private static string? Mapping(IndicatorSource source)
    {
        var origins = source.Origins.Values;
        if (origins.Any(o => o is >= InputOrigin.Lsoa2011Unchanged and <= InputOrigin.Lsoa2011Complex))
        {
            return "Published for 2011 neighbourhoods (LSOA 2011) and mapped to 2021 ones through the ONS lookup.";
        }

        if (origins.Any(o => o == InputOrigin.Attributed))
        {
            return "Published by GP practice and attributed to 2021 neighbourhoods through the flow table.";
        }

        return source.DataLevel == Level.Place ? "Published by district; districts split between systems apportioned to their parts by population." : null;
    }

    private static QualityInputs Inputs(IndicatorSource source, IReadOnlyList<Area> withData)
    {
        var counts = new int[Enum.GetValues<InputOrigin>().Length];
        var apportioned = 0;
        foreach (var unit in withData)
        {
            if (unit.Level == Level.Place && unit.IsPartial)
            {
                apportioned++;
                continue;
            }

            counts[(int)source.Origins.GetValueOrDefault(unit.Code, InputOrigin.Direct)]++;
        }

        int Count(InputOrigin o) => counts[(int)o];
        var reshaped = Count(InputOrigin.Lsoa2011Split) + Count(InputOrigin.Lsoa2011Merged) + Count(InputOrigin.Lsoa2011Complex);
        var estimated = Count(InputOrigin.Attributed) + apportioned;
        var n = withData.Count;
        var words = new List<string>();
        var mapped = reshaped + Count(InputOrigin.Lsoa2011Unchanged);
        if (mapped > 0)
        {
            words.Add(Invariant($"{mapped:N0} of {n:N0} mapped from 2011 neighbourhoods ({Count(InputOrigin.Lsoa2011Unchanged):N0} unchanged, ")
                + Invariant($"{Count(InputOrigin.Lsoa2011Split):N0} split, {Count(InputOrigin.Lsoa2011Merged):N0} merged, {Count(InputOrigin.Lsoa2011Complex):N0} complex)"));
        }

        if (Count(InputOrigin.Attributed) > 0)
        {
            words.Add(Invariant($"{Count(InputOrigin.Attributed):N0} of {n:N0} estimated from GP practices' figures by where their patients live"));
        }

        if (apportioned > 0)
        {
            words.Add(Invariant($"{apportioned:N0} of {n:N0} places given a population share of their district's figure"));
        }

        var description = words.Count == 0
            ? Invariant($"All {n:N0} inputs read as published, under their own codes.")
            : string.Join("; ", words) + ".";
        return new QualityInputs(Count(InputOrigin.Direct), Count(InputOrigin.Lsoa2011Unchanged), Count(InputOrigin.Lsoa2011Split),
            Count(InputOrigin.Lsoa2011Merged), Count(InputOrigin.Lsoa2011Complex), Share(reshaped, n), Count(InputOrigin.Attributed),
            apportioned, Share(estimated, n), description);
    }

    /// <summary>A note with the folders of the paths it names left out: the answer names files, not the server's disk.</summary>
    private static string WithoutFolders(string note) => Folders().Replace(note, "");

    [GeneratedRegex(@"(?<![\w.])(?:[A-Za-z]:)?[\\/](?:[^\s\\/]+[\\/])+")]
    private static partial Regex Folders();

    private static double Share(int part, int whole) => whole == 0 ? 0 : (double)part / whole;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
