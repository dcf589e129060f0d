using System.Collections.Concurrent;
using Geo.Core.Geography;
using Geo.Core.Indicators.Suppression;
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
/// </summary>
public sealed class IndicatorEngine
{
    // Exact limits need an inverse incomplete gamma; counts below 10 are nearly always whole numbers,
    // so those are computed once per count and confidence level.
    private static readonly ConcurrentDictionary<(double, double), (double, double)> PoissonCache = new();

    private readonly Geography.Geography _geography;
    private readonly Area[] _areas;
    private readonly Dictionary<string, int> _index;
    private readonly int[] _parent;
    private readonly int[] _bottomUp; // every non-root area, deepest level first
    private readonly int _root;
    private readonly int _bands;
    private readonly int[] _dataBandToCommon;
    private readonly double[] _population; // [area * bands], summed bottom-up
    private readonly double[]? _standard;
    private readonly Dictionary<string, PeriodInput> _inputs;
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

        var type = source.Definition.ValueType;
        var standardised = type is IndicatorValueType.DirectlyStandardisedRate or IndicatorValueType.IndirectlyStandardisedRatio;
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
            if (standardised)
            {
                throw new ArgumentException(
                    $"Indicator {source.Definition.Id} is age-standardised, so it needs age bands in its data and in the dataset's population.", nameof(source));
            }

            Bands = [];
            _dataBandToCommon = source.Bands.Select(_ => 0).ToArray();
            populationBandToCommon = populationBands.Select(_ => 0).ToArray();
        }

        _bands = Math.Max(1, Bands.Count);
        _standard = type == IndicatorValueType.DirectlyStandardisedRate ? EuropeanStandardPopulation.For(Bands) : null;
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
            IndicatorView.Create(_geography, Definition, p, Compute(p), Policy, Describe()))).Value;
    }

    /// <summary>How the value and its limits are computed, for export metadata.</summary>
    public string Describe()
    {
        var d = Definition;
        var per = d.Multiplier == 1 ? "" : $" per {d.Multiplier:N0}";
        return d.ValueType switch
        {
            IndicatorValueType.CrudeRate =>
                $"Crude rate{per}: events / population x {d.Multiplier:N0}, summed from neighbourhood counts; 95% and 99.8% limits exact Poisson below 10 events, Byar's from 10.",
            IndicatorValueType.Proportion =>
                $"Proportion x {d.Multiplier:N0}: numerator / denominator, summed from neighbourhood counts; 95% and 99.8% Wilson score limits.",
            IndicatorValueType.DirectlyStandardisedRate =>
                $"Directly age-standardised rate{per} on the 2013 European Standard Population over {Bands.Count} bands ({string.Join(", ", Bands)}; ESP2013 bands merged where the data or population are coarser); 95% and 99.8% limits by Dobson's method; not calculated below 10 events.",
            IndicatorValueType.IndirectlyStandardisedRatio =>
                $"Indirectly standardised ratio x {d.Multiplier:N0}: observed / expected, expected from the dataset total's age-specific rates over {Bands.Count} bands; limits from the Poisson limits of the observed count (exact below 10 events, Byar's from 10).",
            IndicatorValueType.Score =>
                "Score: population-weighted mean of the neighbourhood scores; no confidence limits.",
            _ => throw new InvalidOperationException(),
        };
    }

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
        return new IndicatorBandSums(_index, _bands, inputs.Numerator, inputs.Denominator, _standard);
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
        var type = Definition.ValueType;
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
            if (type == IndicatorValueType.Score)
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

        if (type != IndicatorValueType.Score && !ownDenominator)
        {
            for (var i = 0; i < _areas.Length; i++)
            {
                if (hasData[i])
                {
                    Array.Copy(_population, i * _bands, denominator, i * _bands, _bands);
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

    private const string NoDsrBelowTen = "DSR not calculated: fewer than 10 events (OHID does not publish DSRs below 10 events)";

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

        var o = Sum(numerator);
        var n = Sum(denominator);
        var multiplier = Definition.Multiplier;
        double? count = o, expected = null;
        (double Value, double L95, double U95, double L998, double U998)? estimate = null;
        string? note = null;
        switch (Definition.ValueType)
        {
            case IndicatorValueType.Score:
                count = null;
                if (n > 0)
                {
                    return new IndicatorRow { Area = area, Period = period, Coverage = coverage, Denominator = n, Value = o / n };
                }

                note = "no population";
                break;

            case IndicatorValueType.CrudeRate:
                expected = Expected(denominator, reference);
                if (n <= 0)
                {
                    note = "no population";
                    break;
                }

                estimate = Scaled(o, multiplier / n);
                break;

            case IndicatorValueType.Proportion:
                expected = Expected(denominator, reference);
                if (n <= 0 || o > n)
                {
                    note = n <= 0 ? "no denominator" : "numerator exceeds denominator";
                    break;
                }

                var p95 = ProportionInterval.Calculate(o, n, multiplier, ConfidenceLevel.Percent95);
                var p998 = ProportionInterval.CalculateWilson(o, n, ConfidenceLevel.Percent99Point8);
                estimate = (p95.Value, p95.Lower, p95.Upper, p998.Lower * multiplier, p998.Upper * multiplier);
                break;

            case IndicatorValueType.DirectlyStandardisedRate:
                expected = Expected(denominator, reference);
                if (o < DirectlyStandardisedRate.MinimumTotalCount)
                {
                    note = NoDsrBelowTen;
                    break;
                }

                (estimate, note) = Dsr(numerator, denominator, multiplier);
                break;

            case IndicatorValueType.IndirectlyStandardisedRatio:
                expected = Expected(denominator, reference);
                if (expected <= 0)
                {
                    note = "no expected events";
                    break;
                }

                estimate = Scaled(o, multiplier / expected.Value);
                break;

            default:
                throw new InvalidOperationException($"Unknown value type {Definition.ValueType}.");
        }

        return new IndicatorRow
        {
            Area = area,
            Period = period,
            Coverage = coverage,
            Count = count,
            Denominator = n,
            Expected = expected,
            Value = estimate?.Value,
            Lower95 = estimate?.L95,
            Upper95 = estimate?.U95,
            Lower998 = estimate?.L998,
            Upper998 = estimate?.U998,
            Note = note,
        };
    }

    /// <summary>A count's Poisson limits at both levels, all scaled (to a rate, or a ratio of expected).</summary>
    private static (double, double, double, double, double) Scaled(double observed, double scale)
    {
        var (l95, u95) = Poisson(observed, ConfidenceLevel.Percent95);
        var (l998, u998) = Poisson(observed, ConfidenceLevel.Percent99Point8);
        return (observed * scale, l95 * scale, u95 * scale, l998 * scale, u998 * scale);
    }

    private ((double, double, double, double, double)?, string?) Dsr(ReadOnlySpan<double> numerator, ReadOnlySpan<double> denominator,
        double multiplier)
    {
        var counts = numerator.ToArray();
        var populations = denominator.ToArray();
        for (var b = 0; b < _bands; b++)
        {
            if (populations[b] <= 0)
            {
                if (counts[b] > 0)
                {
                    return (null, $"{counts[b]:N0} events in age band {Bands[b]}, which has no population");
                }

                // A band with neither people nor events adds nothing to a DSR or its variance; any
                // positive population gives it rate 0 without dividing by zero.
                populations[b] = 1;
            }
        }

        var r95 = DirectlyStandardisedRate.Calculate(counts, populations, _standard!, multiplier, ConfidenceLevel.Percent95);
        if (r95.Estimate is not { } e95)
        {
            return (null, r95.Reason);
        }

        var e998 = DirectlyStandardisedRate.Calculate(counts, populations, _standard!, multiplier, ConfidenceLevel.Percent99Point8).Estimate!;
        return ((e95.Value, e95.Lower, e95.Upper, e998.Lower, e998.Upper), null);
    }

    /// <summary>Expected events at the reference (dataset total's) rate of each band.</summary>
    private double Expected(ReadOnlySpan<double> denominator, double[] reference)
    {
        var expected = 0.0;
        for (var b = 0; b < _bands; b++)
        {
            expected += denominator[b] * reference[b];
        }

        return expected;
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

    /// <summary>
    /// Control limits around England's value at this area's size: Poisson limits of the expected count
    /// for rates, ratios and DSRs (a DSR is placed by its O/E ratio scaled by England's DSR), binomial
    /// limits for proportions.
    /// </summary>
    private (ControlLimits?, ControlLimits?, FunnelPosition?) Funnel(IndicatorRow row, IndicatorRow england)
    {
        if (england.Value is not { } benchmark || benchmark <= 0 || row.Expected is not { } expected || expected <= 0
            || row.Count is not { } observed || row.Denominator is not { } n || n <= 0)
        {
            return (null, null, null);
        }

        var multiplier = Definition.Multiplier;
        ControlLimits l95, l998;
        double position;
        switch (Definition.ValueType)
        {
            case IndicatorValueType.Proportion:
                if (benchmark > multiplier)
                {
                    return (null, null, null);
                }

                l95 = FunnelLimits.CalculateForProportion(n, benchmark, ConfidenceLevel.Percent95, multiplier);
                l998 = FunnelLimits.CalculateForProportion(n, benchmark, ConfidenceLevel.Percent99Point8, multiplier);
                position = observed / n * multiplier;
                break;
            default:
                // Rates, ratios and DSRs: limits of O/E around 1, in the value's units.
                var scale = Definition.ValueType == IndicatorValueType.IndirectlyStandardisedRatio ? multiplier : benchmark;
                var r95 = RatioFunnelTable.For(ConfidenceLevel.Percent95).Calculate(expected);
                var r998 = RatioFunnelTable.For(ConfidenceLevel.Percent99Point8).Calculate(expected);
                l95 = new ControlLimits(r95.Lower * scale, r95.Upper * scale);
                l998 = new ControlLimits(r998.Lower * scale, r998.Upper * scale);
                position = observed / expected * scale;
                break;
        }

        return (l95, l998, FunnelLimits.Classify(position, l95, l998));
    }

    private static double Sum(ReadOnlySpan<double> values)
    {
        var total = 0.0;
        foreach (var v in values)
        {
            total += v;
        }

        return total;
    }

    private static (double Lower, double Upper) Poisson(double observed, ConfidenceLevel level)
    {
        if (observed < PoissonInterval.ExactBelow && observed == Math.Floor(observed))
        {
            return PoissonCache.GetOrAdd((observed, level.Level), _ =>
            {
                var e = PoissonInterval.Calculate(observed, level);
                return (e.Lower, e.Upper);
            });
        }

        var estimate = PoissonInterval.Calculate(observed, level);
        return (estimate.Lower, estimate.Upper);
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
