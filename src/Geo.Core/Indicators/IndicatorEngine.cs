using System.Collections.Concurrent;
using Geo.Core.Geography;
using Geo.Core.Indicators.Suppression;
using Geo.Core.Indicators.ValueTypes;
using Geo.Core.Sources;
using Geo.Core.Statistics;

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
/// </summary>
public sealed class IndicatorEngine
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
    private readonly ValueTypeMethod _method;
    private readonly Dictionary<string, PeriodInput> _inputs;
    private readonly IReadOnlyDictionary<string, string> _apportioned; // partial place → its district, for district data
    private readonly ConcurrentDictionary<string, Lazy<IReadOnlyList<IndicatorRow>>> _computed = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<IndicatorView>> _published = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<GroupInputs>> _groupInputs = new(StringComparer.Ordinal);

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

    /// <summary>The period's figures with the suppression policy applied: what may leave the engine.</summary>
    public IndicatorView Publish(string period)
    {
        if (_published.TryGetValue(period, out var done))
        {
            return done.Value;
        }

        CheckPeriod(period);
        return _published.GetOrAdd(period, p => new Lazy<IndicatorView>(() =>
            IndicatorView.Create(_geography, Definition, p, Compute(p), Policy, Describe(), _apportioned))).Value;
    }

    /// <summary>How the value and its limits are computed, for export metadata.</summary>
    public string Describe() => _apportioned.Count == 0 ? _method.Describe() : $"{_method.Describe()} {ApportionedPlaces.Method}";

    private void CheckPeriod(string period)
    {
        if (!Source.Periods.Contains(period, StringComparer.Ordinal))
        {
            throw new ArgumentException(
                $"Indicator {Definition.Id} has no period '{period}'; its periods are {string.Join(", ", Source.Periods)}.", nameof(period));
        }
    }

    private void SumUp(double[] values)
    {
        foreach (var i in _bottomUp)
        {
            var p = _parent[i] * _bands;
            var c = i * _bands;
            for (var b = 0; b < _bands; b++)
            {
                values[p + b] += values[c + b];
            }
        }
    }

    /// <summary>
    /// The true age-specific numerators and denominators of the period's data, on <see cref="Bands"/>, for
    /// sums over groups of neighbourhoods (deprivation deciles, say). Not for publication: a caller shows only
    /// what it derives under <see cref="Policy"/>.
    /// </summary>
    public IndicatorBandSums BandSums(string period)
    {
        CheckPeriod(period);
        var inputs = GroupInputsOf(period);
        return new IndicatorBandSums(_index, _bands, inputs.Numerator, inputs.Denominator, _method.Standard);
    }

    /// <summary>One area's true figures for the period (as in <see cref="Compute"/>), or null for a code not in the
    /// dataset. Not for publication. Constant time.</summary>
    public IndicatorRow? ComputedRow(string period, string code) =>
        _index.TryGetValue(code, out var i) ? Compute(period)[i] : null;

    /// <summary>
    /// The true figures of a group of neighbourhoods that the hierarchy does not hold (a provider's catchment, say):
    /// each member's numerators and denominators (band by band) are counted with its weight (1 for a whole
    /// neighbourhood, a share for part of one) and summed, then the value, its 95% and 99.8% limits, the comparison
    /// with England, expected events, excess and funnel limits are computed from the sums exactly as for an area of
    /// the hierarchy. The group has no parent, so no comparison with one, excess share or rank. Codes that are not
    /// the dataset's neighbourhoods, and weights of 0, add nothing. Not for publication as it stands: the caller
    /// applies <see cref="Policy"/>. Thread-safe; the period's inputs are indexed once and kept.
    /// </summary>
    /// <exception cref="ArgumentException">The period is not the indicator's, or a weight is negative or not a number.</exception>
    public IndicatorRow ComputeGroup(string period, Area area, IEnumerable<(string Code, double Weight)> members)
    {
        ArgumentNullException.ThrowIfNull(area);
        ArgumentNullException.ThrowIfNull(members);
        CheckPeriod(period);
        var inputs = GroupInputsOf(period);
        var numerator = new double[_bands];
        var denominator = new double[_bands];
        double people = 0, covered = 0;
        var hasData = false;
        foreach (var (code, weight) in members)
        {
            if (!(weight >= 0) || !double.IsFinite(weight))
            {
                throw new ArgumentException($"The weight of {code} is {weight}; weights must be 0 or more.", nameof(members));
            }

            if (weight == 0 || !_index.TryGetValue(code, out var i) || _areas[i].Level != Level.Neighbourhood)
            {
                continue;
            }

            var population = Population(i, -1) * weight;
            people += population;
            if (!inputs.HasData[i])
            {
                continue;
            }

            hasData = true;
            covered += population;
            for (var b = 0; b < _bands; b++)
            {
                numerator[b] += weight * inputs.Numerator[(i * _bands) + b];
                denominator[b] += weight * inputs.Denominator[(i * _bands) + b];
            }
        }

        var coverage = people > 0 ? Math.Min(1, covered / people) : 0;
        var row = Row(area, period, numerator, denominator, hasData, coverage, inputs.Reference);
        if (row.Value is null && row.Expected is null)
        {
            return row;
        }

        var england = Compute(period)[_root];
        var vsEngland95 = Compare(row, england.Value, ConfidenceLevel.Percent95);
        var (f95, f998, position) = Funnel(row, england);
        return row with
        {
            VsEngland95 = vsEngland95,
            VsEngland998 = Compare(row, england.Value, ConfidenceLevel.Percent99Point8),
            JudgementVsEngland = Significance.Judge(vsEngland95, Definition.Polarity),
            Excess = row is { Count: { } o, Expected: { } e } ? o - e : null,
            Funnel95 = f95,
            Funnel998 = f998,
            FunnelPosition = position,
        };
    }

    private GroupInputs GroupInputsOf(string period) =>
        _groupInputs.GetOrAdd(period, p => new Lazy<GroupInputs>(() => GroupInputsFor(p))).Value;

    /// <summary>A period's inputs in their cells (neighbourhoods, or places for place data) and England's rate by band.</summary>
    private GroupInputs GroupInputsFor(string period)
    {
        var (numerator, denominator, hasData) = Inputs(period);
        var totalNumerator = new double[_bands];
        var totalDenominator = new double[_bands];
        for (var i = 0; i < _areas.Length; i++)
        {
            for (var b = 0; b < _bands; b++)
            {
                totalNumerator[b] += numerator[(i * _bands) + b];
                totalDenominator[b] += denominator[(i * _bands) + b];
            }
        }

        var reference = new double[_bands];
        for (var b = 0; b < _bands; b++)
        {
            reference[b] = totalDenominator[b] > 0 ? totalNumerator[b] / totalDenominator[b] : 0;
        }

        return new GroupInputs(numerator, denominator, hasData, reference);
    }

    private sealed record GroupInputs(double[] Numerator, double[] Denominator, bool[] HasData, double[] Reference);

    private IndicatorRow[] ComputeNow(string period)
    {
        var (numerator, denominator, hasData) = Inputs(period);

        // Coverage: population of the areas holding data, summed up the same way as the counts.
        var covered = new double[_areas.Length];
        for (var i = 0; i < _areas.Length; i++)
        {
            covered[i] = hasData[i] ? Population(i, -1) : 0;
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

    /// <summary>The period's records put in their areas' cells (not yet summed up the hierarchy), with the
    /// dataset's population as denominator where the indicator has none of its own.</summary>
    private (double[] Numerator, double[] Denominator, bool[] HasData) Inputs(string period)
    {
        var weightedMean = _method.IsWeightedMean;
        var numerator = new double[_areas.Length * _bands];
        var denominator = new double[_areas.Length * _bands];
        var hasData = new bool[_areas.Length];
        var input = _inputs[period];
        var ownDenominator = false;
        for (var k = 0; k < input.Area.Length; k++)
        {
            var i = input.Area[k];
            var b = input.Band[k];
            var cell = (i * _bands) + Math.Max(0, b);
            hasData[i] = true;
            if (weightedMean)
            {
                var weight = double.IsNaN(input.Denominator[k]) ? Population(i, b) : input.Denominator[k];
                numerator[cell] += input.Numerator[k] * weight;
                denominator[cell] += weight;
            }
            else
            {
                numerator[cell] += input.Numerator[k];
                if (!double.IsNaN(input.Denominator[k]))
                {
                    denominator[cell] += input.Denominator[k];
                    ownDenominator = true;
                }
            }
        }

        if (!weightedMean && !ownDenominator)
        {
            for (var i = 0; i < _areas.Length; i++)
            {
                if (hasData[i])
                {
                    for (var b = 0; b < _bands; b++)
                    {
                        denominator[(i * _bands) + b] = _population[(i * _bands) + b] * Source.PopulationPeriods;
                    }
                }
            }
        }

        return (numerator, denominator, hasData);
    }

    private double Population(int area, int band)
    {
        if (band >= 0)
        {
            return _population[(area * _bands) + band];
        }

        var total = 0.0;
        for (var b = 0; b < _bands; b++)
        {
            total += _population[(area * _bands) + b];
        }

        return total;
    }

    /// <summary>The dataset total's rate in each band: the benchmark for expected counts and ISRs.</summary>
    private double[] ReferenceRates(double[] numerator, double[] denominator)
    {
        var rates = new double[_bands];
        for (var b = 0; b < _bands; b++)
        {
            var n = denominator[(_root * _bands) + b];
            rates[b] = n > 0 ? numerator[(_root * _bands) + b] / n : 0;
        }

        return rates;
    }

    private IndicatorRow Row(int i, string period, double[] numerator, double[] denominator, bool hasData, double covered, double[] reference)
    {
        var total = Population(i, -1);
        var coverage = total > 0 ? Math.Min(1, covered / total) : 0;
        return Row(_areas[i], period, numerator.AsSpan(i * _bands, _bands), denominator.AsSpan(i * _bands, _bands), hasData, coverage, reference);
    }

    /// <summary>An area's value and limits from its numerators and denominators by band (before comparisons).</summary>
    private IndicatorRow Row(Area area, string period, ReadOnlySpan<double> numerator, ReadOnlySpan<double> denominator, bool hasData,
        double coverage, double[] reference)
    {
        if (!hasData)
        {
            return new IndicatorRow { Area = area, Period = period, Coverage = coverage, Note = "no data" };
        }

        var figures = _method.Calculate(numerator, denominator, reference);
        return new IndicatorRow
        {
            Area = area,
            Period = period,
            Coverage = coverage,
            Count = figures.Count,
            Denominator = figures.Denominator,
            Expected = figures.Expected,
            Value = figures.Value,
            Lower95 = figures.Lower95,
            Upper95 = figures.Upper95,
            Lower998 = figures.Lower998,
            Upper998 = figures.Upper998,
            Note = figures.Note,
        };
    }

    /// <summary>Comparisons, excess, its share and funnel limits need the whole level computed first.</summary>
    private IndicatorRow[] Finish(IndicatorRow[] rows)
    {
        var england = rows[_root];
        var positiveExcess = new double[_areas.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            if (rows[i] is { Count: { } o, Expected: { } e } && i != _root)
            {
                positiveExcess[_parent[i]] += Math.Max(0, o - e);
            }
        }

        var polarity = Definition.Polarity;
        Parallel.For(0, rows.Length, i =>
        {
            var row = rows[i];
            if (row.Value is null && row.Expected is null)
            {
                return;
            }

            var parent = _parent[i] >= 0 ? rows[_parent[i]] : null;
            var vsParent95 = Compare(row, parent?.Value, ConfidenceLevel.Percent95);
            var vsEngland95 = i == _root ? Comparison.NotCompared : Compare(row, england.Value, ConfidenceLevel.Percent95);
            double? excess = row is { Count: { } o, Expected: { } e } ? o - e : null;
            double? share = excess is { } x && parent is not null && positiveExcess[_parent[i]] > 0
                ? Math.Max(0, x) / positiveExcess[_parent[i]]
                : null;
            var (f95, f998, position) = Funnel(row, england);
            rows[i] = row with
            {
                VsParent95 = vsParent95,
                VsParent998 = Compare(row, parent?.Value, ConfidenceLevel.Percent99Point8),
                VsEngland95 = vsEngland95,
                VsEngland998 = i == _root ? Comparison.NotCompared : Compare(row, england.Value, ConfidenceLevel.Percent99Point8),
                JudgementVsParent = Significance.Judge(vsParent95, polarity),
                JudgementVsEngland = Significance.Judge(vsEngland95, polarity),
                Excess = excess,
                ExcessShare = share,
                Funnel95 = f95,
                Funnel998 = f998,
                FunnelPosition = position,
            };
        });
        return rows;
    }

    private static Comparison Compare(IndicatorRow row, double? benchmark, ConfidenceLevel level)
    {
        var (lower, upper) = level == ConfidenceLevel.Percent95 ? (row.Lower95, row.Upper95) : (row.Lower998, row.Upper998);
        return lower is { } l && upper is { } u && benchmark is { } b
            ? Significance.Compare(new ConfidenceInterval(l, u), b)
            : Comparison.NotCompared;
    }

    /// <summary>Control limits around England's value at this area's size, by the value type's method, and where
    /// the area falls against them; none without a positive benchmark, expected count and denominator.</summary>
    private (ControlLimits?, ControlLimits?, FunnelPosition?) Funnel(IndicatorRow row, IndicatorRow england)
    {
        if (england.Value is not { } benchmark || benchmark <= 0 || row.Expected is not { } expected || expected <= 0
            || row.Count is not { } observed || row.Denominator is not { } n || n <= 0)
        {
            return (null, null, null);
        }

        return _method.Funnel(observed, n, expected, benchmark) is { } f
            ? (f.Limits95, f.Limits998, FunnelLimits.Classify(f.Position, f.Limits95, f.Limits998))
            : (null, null, null);
    }

    /// <summary>The records of each period resolved once to area indexes and common bands (-1: all ages),
    /// skipping codes outside the dataset or at another level than the data's.</summary>
    private Dictionary<string, PeriodInput> IndexRecords()
    {
        var lists = Source.Periods.ToDictionary(p => p, _ => new List<IndicatorRecord>(), StringComparer.Ordinal);
        foreach (var record in Source.Records)
        {
            if (lists.TryGetValue(record.Period, out var list) && _index.TryGetValue(record.Area, out var i)
                && _areas[i].Level == Source.DataLevel)
            {
                list.Add(record);
            }
        }

        return lists.ToDictionary(p => p.Key, p =>
        {
            var records = p.Value;
            var input = new PeriodInput(new int[records.Count], new int[records.Count], new double[records.Count], new double[records.Count]);
            for (var k = 0; k < records.Count; k++)
            {
                var r = records[k];
                input.Area[k] = _index[r.Area];
                input.Band[k] = r.Band < 0 ? -1 : _dataBandToCommon[r.Band];
                input.Numerator[k] = r.Numerator;
                input.Denominator[k] = r.Denominator ?? double.NaN;
            }

            return input;
        }, StringComparer.Ordinal);
    }

    private sealed record PeriodInput(int[] Area, int[] Band, double[] Numerator, double[] Denominator);
}
