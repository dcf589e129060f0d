using Geo.Core.Statistics;
using Geo.Core.Trends;

namespace Geo.Query.Vocabulary;

/// <summary>A trend marker, a special-cause rule and a point's variation in words, the same through every door. Stateless.</summary>
public static class TrendWords
{
    /// <summary>The marker's short name: increasing, decreasing, no-significant-change or cannot-be-calculated.</summary>
    public static string Direction(TrendDirection direction) => direction switch
    {
        TrendDirection.Increasing => "increasing",
        TrendDirection.Decreasing => "decreasing",
        TrendDirection.NoSignificantChange => "no-significant-change",
        _ => "cannot-be-calculated",
    };

    /// <summary>The test's short name: chi-squared-linear-trend or weighted-regression.</summary>
    public static string Test(TrendTest test) =>
        test == TrendTest.ChiSquaredForLinearTrend ? "chi-squared-linear-trend" : "weighted-regression";

    /// <summary>The marker as Fingertips words it, with its test and periods, e.g. "Increasing and getting worse (...)".</summary>
    public static string Marker(RecentTrendResult result, Polarity polarity)
    {
        var test = result.Test == TrendTest.ChiSquaredForLinearTrend
            ? "chi-squared test for linear trend"
            : "weighted regression on the values and their 95% limits";
        var span = result.Periods.Count > 0 ? $" over {result.Periods[0]} to {result.Periods[^1]}" : "";
        var how = $"{test}, 99.8%{span}";
        return result.Direction switch
        {
            TrendDirection.Increasing or TrendDirection.Decreasing =>
                $"{(result.Direction == TrendDirection.Increasing ? "Increasing" : "Decreasing")}{Judged(result.Direction, polarity)} ({how}, p {P(result.PValue)})",
            TrendDirection.NoSignificantChange => result.Reason == TrendReason.OutlierFound
                ? $"No significant change: one point decides the direction ({how})"
                : $"No significant change ({how}, p {P(result.PValue)})",
            _ => result.Reason switch
            {
                TrendReason.NotEnoughPoints => $"Cannot be calculated: fewer than {RecentTrend.PointsUsed} published periods",
                TrendReason.ProportionAtZeroOrOne => "Cannot be calculated: a proportion of 0 or 1 among the five periods",
                _ => "Cannot be calculated: a figure of the five periods is missing",
            },
        };
    }

    /// <summary>Each rule a point meets, in words, e.g. "part of a run of 7 or more above the mean".</summary>
    public static IReadOnlyList<string> Rules(SpcRule rules, SpcOptions options)
    {
        var words = new List<string>();
        void Add(SpcRule rule, string text)
        {
            if (rules.HasFlag(rule))
            {
                words.Add(text);
            }
        }

        Add(SpcRule.AboveUpperLimit, "above the upper control limit");
        Add(SpcRule.BelowLowerLimit, "below the lower control limit");
        Add(SpcRule.RunAboveMean, $"part of a run of {options.RunLength} or more above the mean");
        Add(SpcRule.RunBelowMean, $"part of a run of {options.RunLength} or more below the mean");
        Add(SpcRule.TrendIncreasing, $"part of {options.TrendLength} or more points each higher than the last");
        Add(SpcRule.TrendDecreasing, $"part of {options.TrendLength} or more points each lower than the last");
        Add(SpcRule.TwoOfThreeHigh, "2 of 3 points near the upper limit");
        Add(SpcRule.TwoOfThreeLow, "2 of 3 points near the lower limit");
        return words;
    }

    /// <summary>The rules' short names, e.g. above-upper-limit, run-above-mean.</summary>
    public static IReadOnlyList<string> RuleNames(SpcRule rules) =>
    [
        .. ((SpcRule[])[SpcRule.AboveUpperLimit, SpcRule.BelowLowerLimit, SpcRule.RunAboveMean, SpcRule.RunBelowMean,
            SpcRule.TrendIncreasing, SpcRule.TrendDecreasing, SpcRule.TwoOfThreeHigh, SpcRule.TwoOfThreeLow])
            .Where(r => rules.HasFlag(r))
            .Select(RuleName),
    ];

    /// <summary>The variation's short name: common-cause, improvement, concern, neutral-high or neutral-low.</summary>
    public static string Variation(SpcVariation variation) => variation switch
    {
        SpcVariation.SpecialCauseImprovement => "improvement",
        SpcVariation.SpecialCauseConcern => "concern",
        SpcVariation.SpecialCauseNeutralHigh => "neutral-high",
        SpcVariation.SpecialCauseNeutralLow => "neutral-low",
        _ => "common-cause",
    };

    private static string RuleName(SpcRule rule) => rule switch
    {
        SpcRule.AboveUpperLimit => "above-upper-limit",
        SpcRule.BelowLowerLimit => "below-lower-limit",
        SpcRule.RunAboveMean => "run-above-mean",
        SpcRule.RunBelowMean => "run-below-mean",
        SpcRule.TrendIncreasing => "trend-increasing",
        SpcRule.TrendDecreasing => "trend-decreasing",
        SpcRule.TwoOfThreeHigh => "two-of-three-high",
        _ => "two-of-three-low",
    };

    private static string Judged(TrendDirection direction, Polarity polarity) => polarity switch
    {
        Polarity.HigherIsWorse => direction == TrendDirection.Increasing ? " and getting worse" : " and getting better",
        Polarity.HigherIsBetter => direction == TrendDirection.Increasing ? " and getting better" : " and getting worse",
        _ => "",
    };

    private static string P(double p) => p < 0.001 ? "< 0.001" : p.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture);
}
