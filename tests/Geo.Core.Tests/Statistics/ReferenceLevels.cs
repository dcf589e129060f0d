using System.Globalization;
using Geo.Core.Statistics;

namespace Geo.Core.Tests.Statistics;

/// <summary>Reads the reference files' confidence labels ("95%", "99.8%") and multipliers ("dsr per 10000").</summary>
internal static class ReferenceLevels
{
    public static ConfidenceLevel Parse(string label) => label.Trim() switch
    {
        "95%" => ConfidenceLevel.Percent95,
        "99.8%" => ConfidenceLevel.Percent99Point8,
        var other => throw new InvalidDataException($"unknown confidence label '{other}'"),
    };

    /// <summary>The number at the end of a statistic label such as "dsr per 100000" or "ratio x 100".</summary>
    public static double TrailingNumber(string statistic) =>
        double.Parse(statistic[(statistic.LastIndexOf(' ') + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture);
}
