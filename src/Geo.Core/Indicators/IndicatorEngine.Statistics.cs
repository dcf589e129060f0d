using Geo.Core.Geography;

namespace Geo.Core.Indicators;

// Statistics: an area's value and its 95% and 99.8% limits from its summed numerators and
// denominators, by the value type's ValueTypeMethod.
public sealed partial class IndicatorEngine
{
    private IndicatorRow Row(int i, string period, double[] numerator, double[] denominator, bool hasData, double covered, double[] reference)
    {
        var total = _coverageWeight[i];
        var coverage = total > 0 ? Math.Min(1, covered / total) : 0;
        return Row(_areas[i], period, numerator.AsSpan(i * _bands, _bands), denominator.AsSpan(i * _bands, _bands), hasData, coverage, reference);
    }

    /// <summary>An area's value and limits from its numerators and denominators by band (before comparisons).</summary>
    private IndicatorRow Row(Area area, string period, ReadOnlySpan<double> numerator, ReadOnlySpan<double> denominator, bool hasData,
        double coverage, double[] reference)
    {
        if (!hasData)
        {
            return new IndicatorRow { Area = area, Period = period, Coverage = coverage, Note = "no data" };
        }

        var figures = _method.Calculate(numerator, denominator, reference);
        return new IndicatorRow
        {
            Area = area,
            Period = period,
            Coverage = coverage,
            Count = figures.Count,
            Denominator = figures.Denominator,
            Expected = figures.Expected,
            Value = figures.Value,
            Lower95 = figures.Lower95,
            Upper95 = figures.Upper95,
            Lower998 = figures.Lower998,
            Upper998 = figures.Upper998,
            Note = figures.Note,
        };
    }
}
