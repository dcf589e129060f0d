using Geo.Core.Statistics;

namespace Geo.Core.Tests.Statistics;

public class RatioFunnelTableTests
{
    [Theory]
    [InlineData(0.95)]
    [InlineData(0.998)]
    public void Calculate_AnyExpectedCount_AgreesWithTheExactMethodTo1e9(double confidence)
    {
        var level = confidence == 0.95 ? ConfidenceLevel.Percent95 : ConfidenceLevel.Percent99Point8;
        var table = RatioFunnelTable.For(level);
        var random = new Random(7);
        // Log-uniform from 0.001 to 50,000 expected events, plus the lower limit's corner at -ln(α/2).
        var expected = Enumerable.Range(0, 3000).Select(_ => Math.Pow(10, -3 + (random.NextDouble() * 7.7)))
            .Append(-Math.Log(level.TailProbability)).Append(-Math.Log(level.TailProbability) + 1e-6);

        foreach (var e in expected)
        {
            var exact = FunnelLimits.CalculateForRatio(e, level, 100);
            var fast = table.Calculate(e, 100);

            Assert.True(Math.Abs(fast.Upper - exact.Upper) <= 1e-9 * exact.Upper, $"upper at E = {e}: {fast.Upper} vs {exact.Upper}");
            Assert.True(Math.Abs(fast.Lower - exact.Lower) <= 1e-9 * Math.Max(exact.Lower, 1), $"lower at E = {e}: {fast.Lower} vs {exact.Lower}");
        }
    }
}
