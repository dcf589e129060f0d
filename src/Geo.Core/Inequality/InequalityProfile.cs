using Geo.Core.Geography;
using Geo.Core.Indicators;
using Geo.Core.Indicators.Suppression;
using Geo.Core.Sources;
using Geo.Core.Statistics;

namespace Geo.Core.Inequality;

/// <summary>
/// Builds an area's <see cref="InequalityProfileResult"/>: neighbourhoods grouped by national IMD decile
/// (Core20 = deciles 1–2), counts and denominators summed per group from the engine's true neighbourhood
/// rows (age band by age band for a DSR), each group's value computed by the indicator's own method, and
/// the SII and RII across deciles: national deciles, or on request deciles formed within the area
/// (<see cref="DecileBasis.Local"/>; Core20 stays national). Only aggregates leave; the suppression policy is
/// applied to the group counts. Pure; thread-safe.
/// </summary>
public static class InequalityProfile
{
    /// <summary>Monte Carlo repetitions of the SII and RII limits (fewer than OHID's 100,000, for speed).</summary>
    public const int Repetitions = 10_000;

    private const string Hidden = "suppressed: small count, or one that could be recovered from the area's total or its neighbourhoods";

    /// <summary>Why the indicator cannot be profiled, or null when it can.</summary>
    public static string? Unsupported(IndicatorSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (source.Definition.ValueType == IndicatorValueType.Score)
        {
            return $"Indicator '{source.Definition.Id}' is a score: it has no events to share between groups, and its value has no confidence interval for the SII; colour it by national quintiles to see where it is high.";
        }

        return source.DataLevel != Level.Neighbourhood
            ? $"Indicator '{source.Definition.Id}' is published by {source.DataLevel.ToString().ToLowerInvariant()}, not by neighbourhood, so it cannot be split by neighbourhood deprivation; compare its {source.DataLevel.ToString().ToLowerInvariant()}s in the ranked list instead."
            : null;
    }

    /// <summary>The profile of <paramref name="area"/> for <paramref name="period"/>.</summary>
    /// <param name="deciles">National IMD deciles (the default), or deciles formed within the area from the IMD
    /// scores of its neighbourhoods; Core20 is national either way.</param>
    /// <exception cref="ArgumentException">The indicator is <see cref="Unsupported"/>.</exception>
    public static InequalityProfileResult Calculate(
        IndicatorEngine engine,
        string period,
        Area area,
        Geography.Geography geography,
        IReadOnlyDictionary<string, DeprivationRecord> deprivation,
        DecileBasis deciles = DecileBasis.National)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(geography);
        ArgumentNullException.ThrowIfNull(deprivation);
        if (Unsupported(engine.Source) is { } reason)
        {
            throw new ArgumentException(reason, nameof(engine));
        }

        var published = engine.Publish(period);
        var codes = geography.Neighbourhoods(area).Select(a => a.Code).ToArray();
        var bands = engine.Definition.ValueType == IndicatorValueType.DirectlyStandardisedRate
            ? engine.BandSums(period)
            : null;
        var estimator = new GroupEstimator(engine, period, published, bands, codes);

        var national = Split(codes, code => deprivation.TryGetValue(code, out var record) ? record.Decile : 0);
        var core20 = national[1].Concat(national[2]).ToArray();
        var rest = national.Skip(3).SelectMany(l => l).ToArray();
        var (groupCore20, groupRest) = Groups(estimator, core20, rest);
        var byDecile = national;
        string? basisNote = null;
        if (deciles == DecileBasis.Local)
        {
            var (local, scored) = LocalDeciles(codes, deprivation);
            byDecile = Split(codes, local);
            if (scored < 10)
            {
                basisNote = $"No local deciles: the area has {scored} neighbourhood(s) with an IMD score, fewer than ten.";
            }
        }

        var decileValues = new List<DecileValue>();
        var quantiles = new List<QuantileValue>();
        var left = new List<string>();
        var scale = engine.Definition.ValueType == IndicatorValueType.Proportion ? IndicatorScale.Proportion : IndicatorScale.Rate;
        var multiplier = engine.Definition.Multiplier;
        for (var d = 1; d <= 10; d++)
        {
            if (byDecile[d].Count == 0)
            {
                continue;
            }

            var g = estimator.Estimate(byDecile[d]);
            var hide = estimator.Disclosive(byDecile[d], g.Count);
            var usable = !hide && g.Denominator > 0 && g.Value is > 0 && g.Lower is > 0 && g.Upper is { } u && u > g.Lower
                && (scale != IndicatorScale.Proportion || g.Upper < multiplier);
            if (usable)
            {
                quantiles.Add(QuantileValue.FromLimits(g.Denominator, g.Value!.Value / multiplier, g.Lower!.Value / multiplier,
                    g.Upper!.Value / multiplier, scale));
            }
            else
            {
                left.Add($"decile {d} ({(hide ? "suppressed" : g.Note ?? "no value with a positive lower limit")})");
            }

            decileValues.Add(new DecileValue(d, byDecile[d].Count, g.Denominator,
                hide ? null : g.Value, hide ? null : g.Lower, hide ? null : g.Upper, usable,
                hide ? Hidden : g.Note));
        }

        SlopeIndexResult? slope = null;
        string? slopeNote = left.Count > 0 ? "Left out of the SII and RII: " + string.Join("; ", left) + "." : basisNote;
        if (quantiles.Count >= 2)
        {
            slope = SlopeIndex.Calculate(quantiles, new SlopeIndexOptions
            {
                Scale = scale,
                Multiplier = multiplier,
                Repetitions = Repetitions,
            });
        }
        else
        {
            slopeNote = "No SII or RII: fewer than two deciles have a value. " + slopeNote;
        }

        return new InequalityProfileResult(area.Code, period, groupCore20, groupRest, decileValues, slope, slopeNote, byDecile[0].Count)
        {
            Basis = deciles,
            WithoutNationalDecile = national[0].Count,
        };
    }

    /// <summary>
    /// The profiles of many areas (every system and place, say), computed in parallel: each as <see cref="Calculate"/>
    /// gives it, in the order of <paramref name="areas"/>.
    /// </summary>
    public static IReadOnlyList<InequalityProfileResult> CalculateAll(
        IndicatorEngine engine,
        string period,
        IReadOnlyList<Area> areas,
        Geography.Geography geography,
        IReadOnlyDictionary<string, DeprivationRecord> deprivation,
        DecileBasis deciles = DecileBasis.National)
    {
        ArgumentNullException.ThrowIfNull(areas);
        var results = new InequalityProfileResult[areas.Count];
        Parallel.For(0, areas.Count, i => results[i] = Calculate(engine, period, areas[i], geography, deprivation, deciles));
        return results;
    }

    /// <summary>The codes by decile 1 to 10; index 0 holds those without one.</summary>
    private static List<string>[] Split(IEnumerable<string> codes, Func<string, int> decileOf)
    {
        var byDecile = new List<string>[11];
        for (var d = 0; d <= 10; d++)
        {
            byDecile[d] = [];
        }

        foreach (var code in codes)
        {
            var d = decileOf(code);
            byDecile[d is >= 1 and <= 10 ? d : 0].Add(code);
        }

        return byDecile;
    }

    /// <summary>Deciles of the area's own neighbourhoods ranked by IMD score; 0 for those without a score.</summary>
    private static (Func<string, int> Decile, int Scored) LocalDeciles(IReadOnlyList<string> codes,
        IReadOnlyDictionary<string, DeprivationRecord> deprivation)
    {
        var scored = codes.Where(c => deprivation.TryGetValue(c, out var r) && r.Score is { } s && double.IsFinite(s)).ToArray();
        var local = DeprivationQuantiles.Assign([.. scored.Select(c => deprivation[c].Score!.Value)]);
        var byCode = new Dictionary<string, int>(scored.Length, StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < scored.Length; i++)
        {
            byCode[scored[i]] = local[i];
        }

        return (code => byCode.GetValueOrDefault(code), scored.Length);
    }

    private static (InequalityGroup, InequalityGroup) Groups(GroupEstimator estimator, string[] core20, string[] rest)
    {
        var a = estimator.Estimate(core20);
        var b = estimator.Estimate(rest);

        // The two groups add up to the area's published total: hiding one hides the other.
        var hide = estimator.Disclosive(core20, a.Count) || estimator.Disclosive(rest, b.Count);
        var population = a.Denominator + b.Denominator;
        var events = a.Count + b.Count;
        var excess = a.PositiveExcess + b.PositiveExcess;
        var anyHidden = estimator.AnySuppressed(core20) || estimator.AnySuppressed(rest);
        InequalityGroup Group(string[] codes, GroupEstimate g) => new(
            codes.Length,
            g.Denominator,
            population > 0 ? g.Denominator / population : 0,
            hide ? null : g.Count,
            hide || events <= 0 ? null : g.Count / events,
            anyHidden || excess <= 0 ? null : g.PositiveExcess / excess,
            hide ? null : g.Value,
            hide ? null : g.Lower,
            hide ? null : g.Upper,
            hide ? Hidden : anyHidden ? Append(g.Note, "positive excess share withheld: a neighbourhood's count is suppressed") : g.Note);
        return (Group(core20, a), Group(rest, b));
    }

    private static string Append(string? note, string more) => note is null ? more : $"{note}; {more}";

    private sealed record GroupEstimate(double Count, double Denominator, double PositiveExcess, double? Value, double? Lower, double? Upper, string? Note);

    /// <summary>Sums true neighbourhood rows and computes a group's value with the engine's method.</summary>
    private sealed class GroupEstimator
    {
        private readonly IndicatorEngine _engine;
        private readonly IndicatorBandSums? _bands;

        /// <summary>Each of the area's neighbourhoods' true row and whether it is published hidden, looked up once.</summary>
        private readonly Dictionary<string, (IndicatorRow? Truth, bool Hidden)> _rows;

        public GroupEstimator(IndicatorEngine engine, string period, IndicatorView published, IndicatorBandSums? bands,
            IReadOnlyList<string> codes)
        {
            _engine = engine;
            _bands = bands;
            _rows = new Dictionary<string, (IndicatorRow?, bool)>(codes.Count, StringComparer.OrdinalIgnoreCase);
            foreach (var code in codes)
            {
                _rows[code] = (engine.ComputedRow(period, code), published.Find(code) is { Suppression: not SuppressionReason.None });
            }
        }

        private IndicatorRow? Truth(string code) => _rows.TryGetValue(code, out var r) ? r.Truth : null;

        private bool IsHidden(string code) => _rows.TryGetValue(code, out var r) && r.Hidden;

        public bool AnySuppressed(IEnumerable<string> codes) => codes.Any(IsHidden);

        /// <summary>
        /// Whether showing the group's count (or its value and interval, which give the count away) would disclose: the
        /// count is itself small, or any of the group's neighbourhoods is hidden. Groups cut across the hierarchy, as
        /// catchments do, so a group over hidden neighbourhoods adds an equation the hierarchy's secondary suppression
        /// never saw; deciles, Core20 and the rest of several areas together with the areas' own counts then solve for
        /// hidden counts (docs/methods.md, "Small-number suppression"). A group of shown neighbourhoods is a sum of
        /// published figures and reveals nothing new.
        /// </summary>
        public bool Disclosive(IEnumerable<string> codes, double count)
        {
            var policy = _engine.Policy;
            return policy.IsPrimary(count) || (policy.IsEnabled && codes.Any(IsHidden));
        }

        public GroupEstimate Estimate(IReadOnlyList<string> codes)
        {
            double o = 0, n = 0, e = 0, positive = 0;
            var any = false;
            foreach (var code in codes)
            {
                if (Truth(code) is { Area.Level: Level.Neighbourhood } row && row.Count is { } count)
                {
                    any = true;
                    o += count;
                    n += row.Denominator ?? 0;
                    e += row.Expected ?? 0;
                    positive += Math.Max(0, count - (row.Expected ?? count));
                }
            }

            if (!any)
            {
                return new GroupEstimate(0, 0, 0, null, null, null, "no data");
            }

            var m = _engine.Definition.Multiplier;
            var level = ConfidenceLevel.Percent95;
            switch (_engine.Definition.ValueType)
            {
                case IndicatorValueType.CrudeRate when n > 0:
                    var c = PoissonInterval.Calculate(o, level);
                    return new GroupEstimate(o, n, positive, o * m / n, c.Lower * m / n, c.Upper * m / n, null);
                case IndicatorValueType.Proportion when n > 0 && o <= n:
                    var p = ProportionInterval.Calculate(o, n, m, level);
                    return new GroupEstimate(o, n, positive, p.Value, p.Lower, p.Upper, null);
                case IndicatorValueType.IndirectlyStandardisedRatio when e > 0:
                    var r = PoissonInterval.Calculate(o, level);
                    return new GroupEstimate(o, n, positive, o * m / e, r.Lower * m / e, r.Upper * m / e, null);
                case IndicatorValueType.DirectlyStandardisedRate:
                    if (o < DirectlyStandardisedRate.MinimumTotalCount)
                    {
                        return new GroupEstimate(o, n, positive, null, null, null, "DSR not calculated: fewer than 10 events");
                    }

                    var (counts, populations) = _bands!.Sum(codes);
                    if (populations.Where((people, b) => people <= 0 && counts[b] > 0).Any())
                    {
                        return new GroupEstimate(o, n, positive, null, null, null, "events in an age band with no population");
                    }

                    var dsr = DirectlyStandardisedRate.Calculate(counts, populations, _bands.Standard!, m, level);
                    return dsr.Estimate is { } est
                        ? new GroupEstimate(o, n, positive, est.Value, est.Lower, est.Upper, null)
                        : new GroupEstimate(o, n, positive, null, null, null, dsr.Reason);
                default:
                    return new GroupEstimate(o, n, positive, null, null, null, "no denominator");
            }
        }
    }
}
