using Geo.Core.Sources;

namespace Geo.Demo;

/// <summary>
/// Synthetic deprivation and population for the demo's neighbourhoods. Deprivation follows a smooth
/// field (deprived town cores, comfortable countryside), ranked into deciles as the IMD is; the age mix
/// follows place and deprivation (older in the country and in comfortable areas, younger and with more
/// young adults in deprived town centres). Stateless.
/// </summary>
internal static class DemoPeople
{
    /// <summary>England's age mix in 2021 in the 19 bands of <see cref="AgeBand.Esp2013"/>, in per cent.</summary>
    private static readonly double[] EnglandShares =
        [5.4, 5.9, 6.0, 5.6, 6.0, 6.6, 6.9, 6.6, 6.3, 6.3, 6.9, 6.7, 5.8, 5.0, 5.0, 3.7, 2.5, 1.5, 0.9];

    /// <summary>IMD-like scores at quantiles of deprivation (0 = least deprived): skewed, with a long deprived tail.</summary>
    private static readonly (double Quantile, double Score)[] ScoreKnots =
        [(0, 0.6), (0.1, 6.5), (0.25, 10.2), (0.5, 17.1), (0.75, 28.4), (0.9, 42.3), (0.97, 57.8), (1, 86.5)];

    /// <summary>Deciles and scores: each cell's value of the field plus a little noise of its own, ranked.</summary>
    public static (int Decile, double Score)[] Deprivation(DemoTerrain terrain, DemoTessellation cells, int seed)
    {
        var random = new DemoRandom(seed, "deprivation");
        var n = cells.Count;
        var value = new double[n];
        for (var c = 0; c < n; c++)
        {
            value[c] = terrain.Deprivation(cells.Sites[c].X, cells.Sites[c].Y) + 0.15 * random.NextNormal();
        }

        // Rank 0 is the most deprived.
        var ranked = Enumerable.Range(0, n).OrderByDescending(c => value[c]).ThenBy(c => c).ToArray();
        var result = new (int, double)[n];
        for (var rank = 0; rank < n; rank++)
        {
            var decile = 1 + rank * 10 / n;
            var quantile = 1 - (rank + 0.5) / n;
            result[ranked[rank]] = (decile, Math.Round(Score(quantile), 3, MidpointRounding.AwayFromZero));
        }

        return result;
    }

    /// <summary>Residents in the 19 ESP 2013 bands, whole numbers, about 1,000-3,000 a neighbourhood.</summary>
    public static int[][] Population(DemoTerrain terrain, DemoTessellation cells, (int Decile, double Score)[] deprivation, int seed)
    {
        var random = new DemoRandom(seed, "population");
        var bands = AgeBand.Esp2013;
        var result = new int[cells.Count][];
        var weights = new double[bands.Count];
        for (var c = 0; c < cells.Count; c++)
        {
            var urban = terrain.Urbanity(cells.Sites[c].X, cells.Sites[c].Y);
            var comfortable = (deprivation[c].Decile - 5.5) / 4.5;
            var older = 0.25 * (1 - urban) + 0.06 * comfortable - 0.17 + 0.1 * random.NextNormal();
            var students = 0.7 * urban;
            var total = Math.Clamp(1650 * DemoMath.Exp(0.18 * random.NextNormal()), 1080, 2850);

            var sum = 0.0;
            for (var b = 0; b < bands.Count; b++)
            {
                var mid = bands[b].To is { } to ? 0.5 * (bands[b].From + to + 1) : bands[b].From + 2.5;
                var young = (mid - 25) / 6;
                weights[b] = EnglandShares[b] * DemoMath.Exp(older * (mid - 40) / 25 + students * DemoMath.Exp(-young * young));
                sum += weights[b];
            }

            var counts = new int[bands.Count];
            for (var b = 0; b < bands.Count; b++)
            {
                counts[b] = (int)Math.Round(total * weights[b] / sum * DemoMath.Exp(0.07 * random.NextNormal()));
            }

            result[c] = counts;
        }

        return result;
    }

    private static double Score(double quantile)
    {
        for (var k = 1; k < ScoreKnots.Length; k++)
        {
            if (quantile <= ScoreKnots[k].Quantile)
            {
                var (q0, s0) = ScoreKnots[k - 1];
                var (q1, s1) = ScoreKnots[k];
                return s0 + (s1 - s0) * (quantile - q0) / (q1 - q0);
            }
        }

        return ScoreKnots[^1].Score;
    }
}
