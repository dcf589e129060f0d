namespace Geo.Demo;

/// <summary>
/// Synthetic COPD emergency admissions: Poisson counts from age-specific annual rates like England's,
/// raised about threefold from the least to the most deprived decile, varied a little by place and by
/// neighbourhood (so the counts are overdispersed, as real ones are), over ten financial years: a pandemic
/// dip in 2020/21 and a mild rise since. By design, so that the viewer's control charts have a special cause
/// to show, one place (<see cref="ShiftedDistrict"/>, X06000005) ran at 70% of its later level for the seven
/// years to 2020/21, then stepped up: its chart has a run of seven below the mean and recent points above
/// the upper limit. Made up, like all the demo. Most neighbourhood counts are small; sums over places and
/// systems are not. Stateless.
/// </summary>
internal static class DemoAdmissions
{
    /// <summary>Annual emergency admissions for COPD per 100,000, by ESP 2013 band: next to none under 40,
    /// then rising steeply with age.</summary>
    private static readonly double[] RatePer100K =
        [0, 0, 0, 0, 1, 1, 2, 5, 14, 35, 80, 160, 280, 450, 650, 900, 1200, 1500, 1750];

    /// <summary>Level of each of the three latest periods against 2022/23: a little low after the pandemic, rising since.</summary>
    private static readonly double[] Trend = [0.93, 1.0, 1.05];

    /// <summary>Level of each earlier period (2014/15 to 2020/21) against 2022/23: flat, then the pandemic's dip.</summary>
    private static readonly double[] History = [0.97, 0.99, 1.0, 1.02, 1.03, 1.01, 0.8];

    /// <summary>The place (by index, i.e. code order: X06000005) whose admissions stepped up in 2021/22.</summary>
    public const int ShiftedDistrict = 4;

    /// <summary>The shifted place's level before the step, against its level since.</summary>
    public const double ShiftedLevelBefore = 0.7;

    private const double Ln3 = 1.0986122886681098;

    /// <summary>The ten financial years, oldest first. The three latest are drawn first, from the stream they always came
    /// from, so that their counts did not change when the earlier years were added.</summary>
    public static IReadOnlyList<string> Periods { get; } =
        ["2014/15", "2015/16", "2016/17", "2017/18", "2018/19", "2019/20", "2020/21", "2021/22", "2022/23", "2023/24"];

    /// <summary>Counts by cell, period and band.</summary>
    public static int[][][] Generate(int[][] population, (int Decile, double Score)[] deprivation, int[] district, int districts, int seed)
    {
        var random = new DemoRandom(seed, "copd");
        var placeEffect = new double[districts];
        for (var d = 0; d < districts; d++)
        {
            placeEffect[d] = DemoMath.Exp(0.08 * random.NextNormal());
        }

        var history = new DemoRandom(seed, "copd-history");
        var result = new int[population.Length][][];
        for (var c = 0; c < population.Length; c++)
        {
            // 0.6 in the least deprived decile to 1.8 in the most.
            var gradient = 0.6 * DemoMath.Exp(Ln3 * (10 - deprivation[c].Decile) / 9);
            var local = placeEffect[district[c]] * DemoMath.Exp(0.2 * random.NextNormal() - 0.02);
            result[c] = new int[Periods.Count][];
            var recent = Periods.Count - Trend.Length;
            for (var p = 0; p < Trend.Length; p++)
            {
                result[c][recent + p] = Draw(random, population[c], gradient * local * Trend[p]);
            }

            var before = district[c] == ShiftedDistrict ? ShiftedLevelBefore : 1;
            for (var p = 0; p < History.Length; p++)
            {
                result[c][p] = Draw(history, population[c], gradient * local * History[p] * before);
            }
        }

        return result;
    }

    private static int[] Draw(DemoRandom random, int[] population, double level)
    {
        var counts = new int[RatePer100K.Length];
        for (var b = 0; b < counts.Length; b++)
        {
            counts[b] = random.NextPoisson(population[b] * RatePer100K[b] / 100_000 * level);
        }

        return counts;
    }
}
