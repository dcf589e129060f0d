namespace Geo.Data.Demo;

/// <summary>
/// Synthetic COPD emergency admissions: Poisson counts from age-specific annual rates like England's,
/// raised about threefold from the least to the most deprived decile, varied a little by place and by
/// neighbourhood (so the counts are overdispersed, as real ones are), with a mild trend over the
/// periods. Most neighbourhood counts are small; sums over places and systems are not. Stateless.
/// </summary>
internal static class DemoAdmissions
{
    /// <summary>Annual emergency admissions for COPD per 100,000, by ESP 2013 band: next to none under 40,
    /// then rising steeply with age.</summary>
    private static readonly double[] RatePer100K =
        [0, 0, 0, 0, 1, 1, 2, 5, 14, 35, 80, 160, 280, 450, 650, 900, 1200, 1500, 1750];

    /// <summary>Level of each period against the middle one: a little low after the pandemic, rising since.</summary>
    private static readonly double[] Trend = [0.93, 1.0, 1.05];

    private const double Ln3 = 1.0986122886681098;

    public static IReadOnlyList<string> Periods { get; } = ["2021/22", "2022/23", "2023/24"];

    /// <summary>Counts by cell, period and band.</summary>
    public static int[][][] Generate(int[][] population, (int Decile, double Score)[] deprivation, int[] district, int districts, int seed)
    {
        var random = new DemoRandom(seed, "copd");
        var placeEffect = new double[districts];
        for (var d = 0; d < districts; d++)
        {
            placeEffect[d] = DemoMath.Exp(0.08 * random.NextNormal());
        }

        var result = new int[population.Length][][];
        for (var c = 0; c < population.Length; c++)
        {
            // 0.6 in the least deprived decile to 1.8 in the most.
            var gradient = 0.6 * DemoMath.Exp(Ln3 * (10 - deprivation[c].Decile) / 9);
            var local = placeEffect[district[c]] * DemoMath.Exp(0.2 * random.NextNormal() - 0.02);
            result[c] = new int[Periods.Count][];
            for (var p = 0; p < Periods.Count; p++)
            {
                var counts = new int[RatePer100K.Length];
                for (var b = 0; b < counts.Length; b++)
                {
                    counts[b] = random.NextPoisson(population[c][b] * RatePer100K[b] / 100_000 * gradient * local * Trend[p]);
                }

                result[c][p] = counts;
            }
        }

        return result;
    }
}
