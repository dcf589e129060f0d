namespace Geo.Demo;

/// <summary>
/// A smooth random surface over British National Grid metres: a sum of Gaussian bumps. The demo uses such
/// fields for the outline, where people live, how deprived they are and how costly it is to draw a
/// boundary across the land. Immutable once built; safe to read from several threads.
/// </summary>
internal sealed class DemoField
{
    // Bumps further than this many of their standard deviations away add under 1e-17 and are skipped.
    private const double CutOff = 40;

    private readonly List<(double X, double Y, double Amplitude, double InvTwoSigma2)> _bumps = [];

    public int Count => _bumps.Count;

    public void Add(double x, double y, double amplitude, double sigma) =>
        _bumps.Add((x, y, amplitude, 1 / (2 * sigma * sigma)));

    /// <summary>Adds <paramref name="count"/> bumps at uniform places in the box, amplitudes normal with the given
    /// spread, widths uniform in [<paramref name="minSigma"/>, <paramref name="maxSigma"/>].</summary>
    public void AddNoise(DemoRandom random, int count, double amplitude, double minSigma, double maxSigma)
    {
        for (var i = 0; i < count; i++)
        {
            var x = random.NextDouble(DemoTerrain.MinX, DemoTerrain.MaxX);
            var y = random.NextDouble(DemoTerrain.MinY, DemoTerrain.MaxY);
            var a = amplitude * random.NextNormal();
            Add(x, y, a, random.NextDouble(minSigma, maxSigma));
        }
    }

    public double this[double x, double y]
    {
        get
        {
            var sum = 0.0;
            foreach (var (bx, by, amplitude, inv) in _bumps)
            {
                var dx = x - bx;
                var dy = y - by;
                var t = (dx * dx + dy * dy) * inv;
                if (t < CutOff)
                {
                    sum += amplitude * DemoMath.Exp(-t);
                }
            }

            return sum;
        }
    }
}
