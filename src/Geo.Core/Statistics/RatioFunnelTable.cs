namespace Geo.Core.Statistics;

/// <summary>
/// <see cref="FunnelLimits.CalculateForRatio"/> for one confidence level, fast: the exact control-limit
/// counts are tabulated once on a fine grid of ln E (the lower one of ln(E - E₀), E₀ = -ln(α/2) being
/// where it leaves zero) and interpolated with Catmull-Rom cubics, so the indicator engine can place tens
/// of thousands of areas per period. Outside the grid the exact method is used. Interpolation error is
/// below 1e-9 relative (tested against the exact method). The grid is computed in blocks on first use,
/// so a dataset pays only for the range of expected counts it has. Thread-safe.
/// </summary>
public sealed class RatioFunnelTable
{
    private const double FirstLog = -4.605170185988091; // ln 0.01 …
    private const double LastLog = 9.210340371976184;   // … to ln 10,000 expected events
    private const double FirstLowerLog = -9.210340371976184; // ln(E - E₀) from ln 1e-4
    private const int Points = 40_000;
    private const int Block = 256;

    private static readonly Lazy<RatioFunnelTable> At95 = new(() => new RatioFunnelTable(ConfidenceLevel.Percent95));
    private static readonly Lazy<RatioFunnelTable> At998 = new(() => new RatioFunnelTable(ConfidenceLevel.Percent99Point8));

    private readonly ConfidenceLevel _level;
    private readonly double _step;
    private readonly double _corner; // E₀: below it no count is significantly low
    private readonly double _lowerStep;
    private readonly double[]?[] _upperBlocks = new double[]?[(Points + Block - 1) / Block];
    private readonly double[]?[] _lowerBlocks = new double[]?[(Points + Block - 1) / Block];

    private RatioFunnelTable(ConfidenceLevel level)
    {
        _level = level;
        _step = (LastLog - FirstLog) / (Points - 1);
        _corner = -Math.Log(level.TailProbability);
        _lowerStep = (LastLog - FirstLowerLog) / (Points - 1);
    }

    /// <summary>The shared table of a level (95% or 99.8%); another level gets a table of its own.</summary>
    public static RatioFunnelTable For(ConfidenceLevel level) =>
        level == ConfidenceLevel.Percent95 ? At95.Value
        : level == ConfidenceLevel.Percent99Point8 ? At998.Value
        : new RatioFunnelTable(level);

    /// <summary>Limits of O/E (× <paramref name="multiplier"/>) for an expected count, as <see cref="FunnelLimits.CalculateForRatio"/>.</summary>
    public ControlLimits Calculate(double expected, double multiplier = 1)
    {
        var upper = Interpolate(UpperCount, FirstLog, _step, Math.Log(expected));
        var lower = expected <= _corner ? 0 : Interpolate(LowerCount, FirstLowerLog, _lowerStep, Math.Log(expected - _corner));
        if (double.IsNaN(upper) || double.IsNaN(lower))
        {
            return FunnelLimits.CalculateForRatio(expected, _level, multiplier);
        }

        return new ControlLimits(lower / expected * multiplier, upper / expected * multiplier);
    }

    /// <summary>Catmull-Rom through the four nearest grid points; NaN where they are not all on the grid.</summary>
    private static double Interpolate(Func<int, double> table, double start, double step, double x)
    {
        var position = (x - start) / step;
        if (!(position >= 1 && position < Points - 2))
        {
            return double.NaN;
        }

        var i = (int)position;
        var t = position - i;
        var (p0, p1, p2, p3) = (table(i - 1), table(i), table(i + 1), table(i + 2));
        return p1 + (0.5 * t * (p2 - p0 + (t * ((2 * p0) - (5 * p1) + (4 * p2) - p3 + (t * ((3 * (p1 - p2)) + p3 - p0))))));
    }

    /// <summary>The count at the upper control limit for grid point i: E = exp(FirstLog + i step).</summary>
    private double UpperCount(int i) => Point(_upperBlocks, i, k =>
    {
        var e = Math.Exp(FirstLog + (k * _step));
        return FunnelLimits.CalculateForRatio(e, _level).Upper * e;
    });

    /// <summary>The count at the lower control limit for grid point i: E = E₀ + exp(FirstLowerLog + i step).</summary>
    private double LowerCount(int i) => Point(_lowerBlocks, i, k =>
    {
        var e = _corner + Math.Exp(FirstLowerLog + (k * _lowerStep));
        return FunnelLimits.CalculateForRatio(e, _level).Lower * e;
    });

    private static double Point(double[]?[] blocks, int i, Func<int, double> exact)
    {
        var b = i / Block;
        var block = Volatile.Read(ref blocks[b]);
        if (block is null)
        {
            // Two threads may both fill a block; they compute the same numbers, and either copy may win.
            block = new double[Block];
            for (var k = 0; k < Block && (b * Block) + k < Points; k++)
            {
                block[k] = exact((b * Block) + k);
            }

            block = Interlocked.CompareExchange(ref blocks[b], block, null) ?? block;
        }

        return block[i % Block];
    }
}
