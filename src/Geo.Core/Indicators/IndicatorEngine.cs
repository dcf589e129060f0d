using System.Collections.Concurrent;
using Geo.Core.Geography;
using Geo.Core.Indicators.Suppression;
using Geo.Core.Indicators.ValueTypes;
using Geo.Core.Sources;

namespace Geo.Core.Indicators;

/// <summary>
/// Aggregates one indicator bottom-up through the hierarchy and computes, for every area and period,
/// the value, its 95% and 99.8% limits, comparisons with the parent and England, expected counts,
/// excess, funnel limits and coverage (docs/methods.md). Counts and denominators (age-specific for
/// standardised values) are summed from the neighbourhoods, or from places for data published only
/// by district; rates are never averaged. Results are computed once per period and cached; the engine
/// is thread-safe. What leaves it goes through <see cref="Publish"/>, which applies the suppression policy.
/// What depends on the value type (value, limits, expected events, funnel, description) is its
/// <see cref="ValueTypeMethod"/>, chosen once when the engine is built.
/// The steps of <see cref="Compute"/> are one file each: accumulate (IndicatorEngine.Accumulate.cs: the records in
/// their cells, summed up the hierarchy), statistics (IndicatorEngine.Statistics.cs: value and limits of each
/// area), comparisons (IndicatorEngine.Comparisons.cs: with the parent and England, excess, funnel); then
/// suppression and publication (IndicatorEngine.Publish.cs), and groups outside the hierarchy such as
/// catchments (IndicatorEngine.Groups.cs).
/// </summary>
public sealed partial class IndicatorEngine
{
    private readonly Geography.Geography _geography;
    private readonly Area[] _areas;
    private readonly Dictionary<string, int> _index;
    private readonly int[] _parent;
    private readonly int[] _bottomUp; // every non-root area, deepest level first
    private readonly int _root;
    private readonly int _bands;
    private readonly int[] _dataBandToCommon;
    private readonly double[] _population; // [area * bands], summed bottom-up
    private readonly double[] _coverageWeight; // [area]: its population, or its neighbourhoods when the dataset has no population
    private readonly ValueTypeMethod _method;
    private readonly Dictionary<string, PeriodInput> _inputs;
    private readonly IReadOnlyDictionary<string, string> _apportioned; // partial place → its district, for district data
    private readonly ConcurrentDictionary<string, Lazy<IReadOnlyList<IndicatorRow>>> _computed = new(StringComparer.Ordinal);

    public IndicatorEngine(
        Geography.Geography geography,
        IndicatorSource source,
        IReadOnlyList<AgeBand> populationBands,
        IReadOnlyDictionary<string, double[]> population,
        SuppressionPolicy policy)
    {
        _geography = geography;
        Source = source;
        Policy = policy;
        _areas = geography.Areas.OrderBy(a => a.Level).ThenBy(a => a.Code, StringComparer.Ordinal).ToArray();
        _index = new Dictionary<string, int>(_areas.Length, StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < _areas.Length; i++)
        {
            _index[_areas[i].Code] = i;
        }

        _root = _index[geography.Root.Code];
        _parent = _areas.Select(a => a.ParentCode is null ? -1 : _index[a.ParentCode]).ToArray();
        _bottomUp = Enumerable.Range(0, _areas.Length).Where(i => i != _root)
            .OrderByDescending(i => _areas[i].Level).ToArray();

        int[] populationBandToCommon;
        if (source.Bands.Count > 0 && populationBands.Count > 0)
        {
            var alignment = BandAlignment.Align(source.Bands, populationBands);
            Bands = alignment.Common;
            _dataBandToCommon = [.. alignment.FirstToCommon];
            populationBandToCommon = [.. alignment.SecondToCommon];
        }
        else
        {
            if (ValueTypeMethod.NeedsAgeBands(source.Definition.ValueType))
            {
                throw ValueTypeMethod.NoAgeBands(source.Definition, nameof(source));
            }

            Bands = [];
            _dataBandToCommon = source.Bands.Select(_ => 0).ToArray();
            populationBandToCommon = populationBands.Select(_ => 0).ToArray();
        }

        _bands = Math.Max(1, Bands.Count);
        _method = ValueTypeMethod.For(source.Definition, Bands);
        _population = new double[_areas.Length * _bands];
        foreach (var (code, counts) in population)
        {
            if (_index.TryGetValue(code, out var i) && _areas[i].Level == Level.Neighbourhood)
            {
                for (var b = 0; b < counts.Length; b++)
                {
                    _population[(i * _bands) + populationBandToCommon[b]] += counts[b];
                }
            }
        }

        SumUp(_population);
        _coverageWeight = CoverageWeights();
        _inputs = IndexRecords();
        _apportioned = ApportionedPlaces.Of(geography, source);
    }

    public IndicatorSource Source { get; }

    public IndicatorDefinition Definition => Source.Definition;

    public SuppressionPolicy Policy { get; }

    /// <summary>The age bands the engine sums and standardises over (the finest split the data and the
    /// population share); empty for an indicator without age bands.</summary>
    public IReadOnlyList<AgeBand> Bands { get; }

    public IReadOnlyList<string> Periods => Source.Periods;

    public string LatestPeriod => Source.Periods[^1];

    /// <summary>True figures of every area for the period, in level then code order. Not for publication:
    /// use <see cref="Publish"/>.</summary>
    public IReadOnlyList<IndicatorRow> Compute(string period)
    {
        if (_computed.TryGetValue(period, out var done))
        {
            return done.Value;
        }

        CheckPeriod(period);
        return _computed.GetOrAdd(period, p => new Lazy<IReadOnlyList<IndicatorRow>>(() => ComputeNow(p))).Value;
    }

    private void CheckPeriod(string period)
    {
        if (!Source.Periods.Contains(period, StringComparer.Ordinal))
        {
            throw new ArgumentException(
                $"Indicator {Definition.Id} has no period '{period}'; its periods are {string.Join(", ", Source.Periods)}.", nameof(period));
        }
    }

    /// <summary>One area's true figures for the period (as in <see cref="Compute"/>), or null for a code not in the
    /// dataset. Not for publication. Constant time.</summary>
    public IndicatorRow? ComputedRow(string period, string code) =>
        _index.TryGetValue(code, out var i) ? Compute(period)[i] : null;

    /// <summary>The steps in order: accumulate (inputs in their cells, summed up the hierarchy), statistics (each
    /// area's value and limits), comparisons (which need every area's value first).</summary>
    private IndicatorRow[] ComputeNow(string period)
    {
        var (numerator, denominator, hasData) = Inputs(period);

        // Coverage: population of the areas holding data (neighbourhoods, without a population), summed up like the counts.
        var covered = new double[_areas.Length];
        for (var i = 0; i < _areas.Length; i++)
        {
            covered[i] = hasData[i] ? _coverageWeight[i] : 0;
        }

        foreach (var i in _bottomUp)
        {
            hasData[_parent[i]] |= hasData[i];
            covered[_parent[i]] += covered[i];
        }

        SumUp(numerator);
        SumUp(denominator);

        var reference = ReferenceRates(numerator, denominator);
        var rows = new IndicatorRow[_areas.Length];
        Parallel.For(0, _areas.Length, i => rows[i] = Row(i, period, numerator, denominator, hasData[i], covered[i], reference));
        return Finish(rows);
    }
}
