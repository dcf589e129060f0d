using System.Globalization;
using Geo.Core.Statistics;

namespace Geo.Core.Inequality;

/// <summary>
/// The slope index of inequality (SII) and relative index of inequality (RII) across deprivation quantiles,
/// as OHID computes them (PHEindicatormethods <c>phe_sii</c>; Low and Low 2004). Pure; thread-safe.
/// </summary>
/// <remarks>
/// <para>
/// Quantiles come in order from most deprived (decile 1) to least deprived. Each has a population share
/// aᵢ = Nᵢ/ΣN and a relative rank at the mid-point of its slice of the cumulative population,
/// bᵢ = Σⱼ₍ⱼ₍ᵢ₎ aⱼ + aᵢ/2, so ranks run from near 0 (most deprived) to near 1. The line y = β₀ + β₁b is fitted by
/// least squares weighted by aᵢ (the reference fits yᵢ√aᵢ on √aᵢ and bᵢ√aᵢ without intercept: the same thing):
/// β₁ = Σ aᵢ(bᵢ − b̄)yᵢ / Σ aᵢ(bᵢ − b̄)², β₀ = Σ aᵢyᵢ − β₁b̄, with b̄ = Σ aᵢbᵢ = ½.
/// </para>
/// <para>
/// SII = ŷ(1) − ŷ(0) = β₁ and RII = ŷ(1)/ŷ(0) = (β₀ + β₁)/β₀. Rank 0 is the most deprived end, so the SII is
/// "least deprived minus most deprived": positive for life expectancy, negative for mortality. With
/// <see cref="SlopeIndexOptions.FitTransformed"/> the line is fitted to ln(rate) or logit(p) and
/// ŷ(0), ŷ(1) are transformed back before the difference and ratio are taken.
/// Note that OHID's RII is the ratio of the fitted ends, not SII divided by the mean; since b̄ = ½ the
/// weighted mean is ŷ(½), so SII/mean = 2(RII − 1)/(RII + 1) for an untransformed fit.
/// </para>
/// <para>
/// Limits by simulation (Monte Carlo), as the reference: each repetition draws every quantile's value from
/// Normal(f(yᵢ), SEᵢ), where f is the identity, ln (rates) or logit (proportions) and SE is on that scale,
/// refits the line (to the back-transformed draws, or to the draws themselves when fitting transformed),
/// and keeps the SII and RII. The limits are order statistics of the sorted repetitions at positions
/// round(R·α/2) and round(R·(1 − α/2)) (1-based). Draws come from a seeded <see cref="Random"/> by the
/// Box–Muller transform, so results are deterministic for a seed but are not the reference's own draws.
/// </para>
/// <para>
/// References: Low A, Low A (2004). Measuring the gap: quantifying and comparing local health
/// inequalities. <i>Journal of Public Health</i> 26:388–395. OHID, PHEindicatormethods <c>phe_sii</c>.
/// </para>
/// </remarks>
public static class SlopeIndex
{
    /// <summary>Computes the SII and RII of <paramref name="quantiles"/> (most deprived first) with simulated limits.</summary>
    /// <exception cref="ArgumentException">Fewer than two quantiles, a population that is not positive, a standard
    /// error that is negative, a rate that is not positive, a proportion outside (0, 1) or fewer than 1,000 repetitions.</exception>
    public static SlopeIndexResult Calculate(IReadOnlyList<QuantileValue> quantiles, SlopeIndexOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(quantiles);
        options ??= SlopeIndexOptions.Default;
        Validate(quantiles, options);

        var n = quantiles.Count;
        var scale = options.Scale;
        var fitTransformed = options.FitTransformed && scale != IndicatorScale.Normal;
        var line = new WeightedLine(quantiles);

        var fitted = new double[n];
        var weightedMean = 0.0;
        for (var i = 0; i < n; i++)
        {
            fitted[i] = fitTransformed ? ToFitScale(quantiles[i].Value, scale) : quantiles[i].Value;
            weightedMean += line.Share(i) * quantiles[i].Value;
        }

        var (low, high) = Ends(line, fitted, fitTransformed, scale);
        var multiplier = options.Multiplier;
        var sii = multiplier * (high - low);
        var rii = Orient(high / low, multiplier);

        var siiDraws = new double[options.Repetitions];
        var riiDraws = new double[options.Repetitions];
        Simulate(quantiles, options, line, fitTransformed, siiDraws, riiDraws);

        // Only a few order statistics are wanted: select them instead of sorting every draw.
        var positions = options.Levels
            .SelectMany(l => new[] { Position(options.Repetitions, l.TailProbability), Position(options.Repetitions, 1 - l.TailProbability) })
            .ToArray();
        OrderStatistics.SelectInPlace(siiDraws, positions);
        OrderStatistics.SelectInPlace(riiDraws, positions);

        var intervals = new List<SlopeIndexInterval>(options.Levels.Count);
        foreach (var level in options.Levels)
        {
            var lower = Position(options.Repetitions, level.TailProbability);
            var upper = Position(options.Repetitions, 1 - level.TailProbability);
            intervals.Add(new SlopeIndexInterval(
                level,
                new ConfidenceInterval(siiDraws[lower], siiDraws[upper]),
                new ConfidenceInterval(riiDraws[lower], riiDraws[upper])));
        }

        var method = string.Create(
            CultureInfo.InvariantCulture,
            $"simulation, {options.Repetitions} repetitions, seed {options.Seed}, {scale.ToString().ToLowerInvariant()} scale{(fitTransformed ? ", fitted transformed" : string.Empty)}");
        return new SlopeIndexResult(sii, rii, low, weightedMean, intervals, options.Repetitions, method);
    }

    /// <summary>The value on the scale where its error is normal: itself, ln(rate) or logit(p).</summary>
    internal static double ToFitScale(double value, IndicatorScale scale) => scale switch
    {
        IndicatorScale.Rate => Math.Log(value),
        IndicatorScale.Proportion => Math.Log(value / (1 - value)),
        _ => value,
    };

    private static double FromFitScale(double value, IndicatorScale scale) => scale switch
    {
        IndicatorScale.Rate => Math.Exp(value),
        IndicatorScale.Proportion => 1 / (1 + Math.Exp(-value)),
        _ => value,
    };

    private static (double Low, double High) Ends(WeightedLine line, double[] y, bool fitTransformed, IndicatorScale scale)
    {
        var (intercept, slope) = line.Fit(y);
        return fitTransformed
            ? (FromFitScale(intercept, scale), FromFitScale(intercept + slope, scale))
            : (intercept, intercept + slope);
    }

    private static double Orient(double rii, double multiplier) => multiplier < 0 ? 1 / rii : rii;

    /// <summary>
    /// The simulated SII and RII of every repetition. Repetitions are taken in blocks: the block's draws (in the seed's
    /// order, repetition by repetition, quantile by quantile) are laid out quantile by quantile, so that each quantile's
    /// values, their transformation back and their share of each repetition's fitted line are computed with vector
    /// instructions across the block. Each repetition's sums still add the quantiles in order, so the result is that of
    /// refitting every repetition on its own.
    /// </summary>
    private static void Simulate(
        IReadOnlyList<QuantileValue> quantiles,
        SlopeIndexOptions options,
        WeightedLine line,
        bool fitTransformed,
        double[] siiDraws,
        double[] riiDraws)
    {
        var n = quantiles.Count;
        var scale = options.Scale;
        var transform = fitTransformed ? IndicatorScale.Normal : scale;
        var centre = new double[n];
        var se = new double[n];
        for (var i = 0; i < n; i++)
        {
            centre[i] = ToFitScale(quantiles[i].Value, scale);
            se[i] = quantiles[i].StandardError;
        }

        // Draws laid out block by block and quantile by quantile: made once per seed and number of quantiles when they
        // fit the seed's table, else drawn here in the same order.
        var blocked = Blocked(options.Seed, n, siiDraws.Length);
        var generator = blocked is null ? new BoxMuller(new Random(options.Seed)) : null;
        var draws = blocked is null ? new double[n * Block] : null;
        var slope = new double[Block];
        var mean = new double[Block];
        var meanRank = line.MeanRank;
        for (var first = 0; first < siiDraws.Length; first += Block)
        {
            var count = Math.Min(Block, siiDraws.Length - first);
            if (draws is not null)
            {
                for (var r = 0; r < count; r++)
                {
                    for (var i = 0; i < n; i++)
                    {
                        draws[(i * Block) + r] = generator!.Next();
                    }
                }
            }

            var source = blocked ?? draws!;
            var offset = blocked is null ? 0 : first * n;
            Array.Clear(slope);
            Array.Clear(mean);
            for (var i = 0; i < n; i++)
            {
                Accumulate(source.AsSpan(offset + (i * Block), count), centre[i], se[i], transform, line.SlopeWeight(i), line.Share(i),
                    slope.AsSpan(0, count), mean.AsSpan(0, count));
            }

            for (var r = 0; r < count; r++)
            {
                var intercept = mean[r] - (slope[r] * meanRank);
                var (low, high) = fitTransformed
                    ? (FromFitScale(intercept, scale), FromFitScale(intercept + slope[r], scale))
                    : (intercept, intercept + slope[r]);
                siiDraws[first + r] = options.Multiplier * (high - low);
                riiDraws[first + r] = Orient(high / low, options.Multiplier);
            }
        }
    }

    /// <summary>For one quantile across a block of repetitions: y = back-transformed (centre + se·z), then slope += w·y and
    /// mean += a·y, element by element.</summary>
    private static void Accumulate(Span<double> z, double centre, double se, IndicatorScale transform, double slopeWeight, double share,
        Span<double> slope, Span<double> mean)
    {
        var width = System.Numerics.Vector<double>.Count;
        var r = 0;
        if (System.Numerics.Vector.IsHardwareAccelerated)
        {
            var c = new System.Numerics.Vector<double>(centre);
            var s = new System.Numerics.Vector<double>(se);
            var w = new System.Numerics.Vector<double>(slopeWeight);
            var a = new System.Numerics.Vector<double>(share);
            var one = System.Numerics.Vector<double>.One;
            for (; r <= z.Length - width; r += width)
            {
                var x = c + (s * new System.Numerics.Vector<double>(z[r..]));
                var y = transform switch
                {
                    IndicatorScale.Rate => System.Numerics.Vector.Exp(x),
                    IndicatorScale.Proportion => one / (one + System.Numerics.Vector.Exp(-x)),
                    _ => x,
                };
                (new System.Numerics.Vector<double>(slope[r..]) + (w * y)).CopyTo(slope[r..]);
                (new System.Numerics.Vector<double>(mean[r..]) + (a * y)).CopyTo(mean[r..]);
            }
        }

        for (; r < z.Length; r++)
        {
            var y = FromFitScale(centre + (se * z[r]), transform);
            slope[r] += slopeWeight * y;
            mean[r] += share * y;
        }
    }

    /// <summary>Repetitions simulated together (a block of each quantile's draws is one vector loop).</summary>
    private const int Block = 1024;

    /// <summary>
    /// The seed's standard normal deviates for <paramref name="n"/> quantiles, in the order the simulation reads them
    /// (repetition by repetition, quantile by quantile), laid out block by block and quantile by quantile: element
    /// (block·n + i)·Block + r is the draw of quantile i in repetition block·Block + r. Made once per seed and n (every
    /// area simulated with the same seed reads the same draws, so this saves most of the work when many areas are
    /// profiled); null when the run needs more than <see cref="TabulatedDraws"/>, and the draws are then made as read.
    /// </summary>
    private static double[]? Blocked(int seed, int n, int repetitions)
    {
        if ((long)repetitions * n > TabulatedDraws || (Tables.Count >= MaxTables && !Tables.ContainsKey((seed, n))))
        {
            return null;
        }

        return Tables.GetOrAdd((seed, n), key => new Lazy<double[]>(() =>
        {
            var box = new BoxMuller(new Random(key.Seed));
            var reps = TabulatedDraws / key.N;
            var table = new double[((reps + Block - 1) / Block) * key.N * Block];
            for (var r = 0; r < reps; r++)
            {
                var (block, within) = Math.DivRem(r, Block);
                for (var i = 0; i < key.N; i++)
                {
                    table[(((block * key.N) + i) * Block) + within] = box.Next();
                }
            }

            return table;
        })).Value;
    }

    /// <summary>Draws tabulated per seed and number of quantiles: 10,000 repetitions over 26 quantiles (2 MB each).</summary>
    private const int TabulatedDraws = 1 << 18;

    private const int MaxTables = 16;

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(int Seed, int N), Lazy<double[]>> Tables = new();

    private static int Position(int repetitions, double probability)
    {
        // the reference's order statistic: round(R·p), 1-based; R rounds halves to even, as Math.Round does
        var position = (int)Math.Round(repetitions * probability) - 1;
        return Math.Clamp(position, 0, repetitions - 1);
    }

    private static void Validate(IReadOnlyList<QuantileValue> quantiles, SlopeIndexOptions options)
    {
        if (quantiles.Count < 2)
        {
            throw new ArgumentException("The slope index needs at least two quantiles (OHID uses 5 to 100).", nameof(quantiles));
        }

        for (var i = 0; i < quantiles.Count; i++)
        {
            var q = quantiles[i];
            if (!(q.Population > 0) || !double.IsFinite(q.Population))
            {
                throw new ArgumentException($"Quantile {i + 1} has population {q.Population}; populations must be positive.", nameof(quantiles));
            }

            if (!(q.StandardError >= 0) || !double.IsFinite(q.StandardError))
            {
                throw new ArgumentException($"Quantile {i + 1} has standard error {q.StandardError}; it must be zero or positive.", nameof(quantiles));
            }

            var valid = options.Scale switch
            {
                IndicatorScale.Rate => q.Value > 0 && double.IsFinite(q.Value),
                IndicatorScale.Proportion => q.Value > 0 && q.Value < 1,
                _ => double.IsFinite(q.Value),
            };
            if (!valid)
            {
                throw new ArgumentException($"Quantile {i + 1} has value {q.Value}, not valid for a {options.Scale} indicator.", nameof(quantiles));
            }
        }

        if (options.Repetitions < 1000)
        {
            throw new ArgumentException("At least 1,000 repetitions are needed for simulated limits.", nameof(options));
        }

        if (options.Multiplier == 0 || !double.IsFinite(options.Multiplier))
        {
            throw new ArgumentException("The multiplier must be finite and not zero.", nameof(options));
        }
    }

    /// <summary>Precomputed weighted least-squares coefficients, so each refit is one pass over the quantiles.</summary>
    private sealed class WeightedLine
    {
        private readonly double[] _share;
        private readonly double[] _slopeWeight;
        private readonly double _meanRank;

        public WeightedLine(IReadOnlyList<QuantileValue> quantiles)
        {
            var n = quantiles.Count;
            var total = 0.0;
            foreach (var q in quantiles)
            {
                total += q.Population;
            }

            _share = new double[n];
            var rank = new double[n];
            var cumulative = 0.0;
            for (var i = 0; i < n; i++)
            {
                _share[i] = quantiles[i].Population / total;
                rank[i] = cumulative + (_share[i] / 2);
                cumulative += _share[i];
            }

            for (var i = 0; i < n; i++)
            {
                _meanRank += _share[i] * rank[i];
            }

            var sxx = 0.0;
            for (var i = 0; i < n; i++)
            {
                var d = rank[i] - _meanRank;
                sxx += _share[i] * d * d;
            }

            _slopeWeight = new double[n];
            for (var i = 0; i < n; i++)
            {
                _slopeWeight[i] = _share[i] * (rank[i] - _meanRank) / sxx;
            }
        }

        public double Share(int i) => _share[i];

        public double SlopeWeight(int i) => _slopeWeight[i];

        public double MeanRank => _meanRank;

        public (double Intercept, double Slope) Fit(double[] y)
        {
            var slope = 0.0;
            var mean = 0.0;
            for (var i = 0; i < y.Length; i++)
            {
                slope += _slopeWeight[i] * y[i];
                mean += _share[i] * y[i];
            }

            return (mean - (slope * _meanRank), slope);
        }
    }

    /// <summary>Standard normal deviates from uniform ones by the Box–Muller transform, both of each pair used.</summary>
    private sealed class BoxMuller(Random random)
    {
        private double _spare;
        private bool _hasSpare;

        public double Next()
        {
            if (_hasSpare)
            {
                _hasSpare = false;
                return _spare;
            }

            var u1 = 1 - random.NextDouble(); // (0, 1]: the logarithm stays finite
            var u2 = random.NextDouble();
            var radius = Math.Sqrt(-2 * Math.Log(u1));
            var angle = 2 * Math.PI * u2;
            _spare = radius * Math.Sin(angle);
            _hasSpare = true;
            return radius * Math.Cos(angle);
        }
    }
}
