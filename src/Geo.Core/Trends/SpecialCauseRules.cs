using Geo.Core.Statistics;

namespace Geo.Core.Trends;

/// <summary>The special-cause rules of Making Data Count, point by point. Pure; thread-safe.</summary>
internal static class SpecialCauseRules
{
    /// <summary>
    /// The rules each point meets, and the direction of the trend each point is part of (+1, -1 or 0); a point
    /// that ends one trend and starts the opposite one takes the trend it starts.
    /// </summary>
    public static (SpcRule[] Rules, int[] Trend) Evaluate(double[] y, double centre, double[] lower, double[] upper, double[] nearLower,
        double[] nearUpper, int runLength, int trendLength)
    {
        var n = y.Length;
        var rules = new SpcRule[n];
        var side = new int[n];
        var near = new bool[n];
        for (var i = 0; i < n; i++)
        {
            side[i] = Math.Sign(y[i] - centre);
            if (y[i] > upper[i])
            {
                rules[i] |= SpcRule.AboveUpperLimit;
            }
            else if (y[i] < lower[i])
            {
                rules[i] |= SpcRule.BelowLowerLimit;
            }
            else
            {
                // Between the 2-sigma line and the limit; a point beyond the limit is flagged by that rule instead.
                near[i] = y[i] > nearUpper[i] || y[i] < nearLower[i];
            }
        }

        // A shift: runLength or more consecutive points on the same side of the mean; a point on the mean breaks it.
        MarkRuns(n, runLength, i => side[i], rules, SpcRule.RunAboveMean, SpcRule.RunBelowMean);

        // A trend: trendLength or more consecutive points, each strictly higher (or lower) than the one before;
        // a repeated value breaks it. Step i is the change into point i.
        var steps = new int[n];
        for (var i = 1; i < n; i++)
        {
            steps[i] = Math.Sign(y[i] - y[i - 1]);
        }

        var trend = MarkTrends(n, trendLength, steps, rules);

        // Two in three: among three consecutive points all on one side of the mean, two or more near the limit.
        for (var i = 0; i + 2 < n; i++)
        {
            var s = side[i];
            if (s == 0 || side[i + 1] != s || side[i + 2] != s)
            {
                continue;
            }

            var nearCount = (near[i] ? 1 : 0) + (near[i + 1] ? 1 : 0) + (near[i + 2] ? 1 : 0);
            if (nearCount < 2)
            {
                continue;
            }

            for (var j = i; j < i + 3; j++)
            {
                if (near[j])
                {
                    rules[j] |= s > 0 ? SpcRule.TwoOfThreeHigh : SpcRule.TwoOfThreeLow;
                }
            }
        }

        return (rules, trend);
    }

    /// <summary>
    /// The variation a point shows. Precedence as NHSRplotthedots: outside the limits, then a trend, then two in
    /// three, then a shift; a point at the turn of a falling and a rising trend takes the trend it starts.
    /// </summary>
    public static SpcVariation Classify(SpcRule rules, int trend, Polarity polarity)
    {
        int direction;
        if (rules.HasFlag(SpcRule.AboveUpperLimit) || rules.HasFlag(SpcRule.BelowLowerLimit))
        {
            direction = rules.HasFlag(SpcRule.AboveUpperLimit) ? 1 : -1;
        }
        else if (trend != 0)
        {
            direction = trend;
        }
        else if (rules.HasFlag(SpcRule.TwoOfThreeHigh) || rules.HasFlag(SpcRule.TwoOfThreeLow))
        {
            direction = rules.HasFlag(SpcRule.TwoOfThreeHigh) ? 1 : -1;
        }
        else if (rules.HasFlag(SpcRule.RunAboveMean) || rules.HasFlag(SpcRule.RunBelowMean))
        {
            direction = rules.HasFlag(SpcRule.RunAboveMean) ? 1 : -1;
        }
        else
        {
            return SpcVariation.CommonCause;
        }

        return polarity switch
        {
            Polarity.HigherIsBetter => direction > 0 ? SpcVariation.SpecialCauseImprovement : SpcVariation.SpecialCauseConcern,
            Polarity.HigherIsWorse => direction > 0 ? SpcVariation.SpecialCauseConcern : SpcVariation.SpecialCauseImprovement,
            _ => direction > 0 ? SpcVariation.SpecialCauseNeutralHigh : SpcVariation.SpecialCauseNeutralLow,
        };
    }

    private static void MarkRuns(int n, int length, Func<int, int> key, SpcRule[] rules, SpcRule positive, SpcRule negative)
    {
        var start = 0;
        for (var i = 1; i <= n; i++)
        {
            if (i < n && key(i) == key(start))
            {
                continue;
            }

            if (key(start) != 0 && i - start >= length)
            {
                for (var j = start; j < i; j++)
                {
                    rules[j] |= key(start) > 0 ? positive : negative;
                }
            }

            start = i;
        }
    }

    /// <summary>Marks each point of a run of trendLength or more points joined by steps of one sign; returns each point's trend direction.</summary>
    private static int[] MarkTrends(int n, int length, int[] steps, SpcRule[] rules)
    {
        var direction = new int[n];

        // Steps s … e - 1 of one sign join points s - 1 … e - 1: e - s + 1 points.
        var s = 1;
        while (s < n)
        {
            var e = s + 1;
            while (e < n && steps[e] == steps[s])
            {
                e++;
            }

            if (steps[s] != 0 && e - s + 1 >= length)
            {
                for (var j = s - 1; j < e; j++)
                {
                    rules[j] |= steps[s] > 0 ? SpcRule.TrendIncreasing : SpcRule.TrendDecreasing;
                    direction[j] = steps[s]; // a later run overwrites: a turning point takes the trend it starts
                }
            }

            s = e;
        }

        return direction;
    }
}
