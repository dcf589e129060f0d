namespace Geo.Core.Indicators;

/// <summary>
/// One period's true age-specific numerators and denominators by area, on an engine's bands, from
/// <see cref="IndicatorEngine.BandSums"/>: for figures over groups of neighbourhoods that the hierarchy does
/// not hold. Immutable and thread-safe.
/// </summary>
public sealed class IndicatorBandSums
{
    private readonly IReadOnlyDictionary<string, int> _index;
    private readonly int _bands;
    private readonly double[] _numerator;
    private readonly double[] _denominator;

    internal IndicatorBandSums(IReadOnlyDictionary<string, int> index, int bands, double[] numerator, double[] denominator,
        double[]? standard)
    {
        _index = index;
        _bands = bands;
        _numerator = numerator;
        _denominator = denominator;
        Standard = standard;
    }

    /// <summary>The standard population of each band for a directly standardised rate; null otherwise.</summary>
    public IReadOnlyList<double>? Standard { get; }

    /// <summary>The band-by-band sums over the given areas (codes unknown to the dataset are skipped).</summary>
    public (double[] Counts, double[] Denominators) Sum(IEnumerable<string> codes)
    {
        var counts = new double[_bands];
        var denominators = new double[_bands];
        foreach (var code in codes)
        {
            if (_index.TryGetValue(code, out var i))
            {
                for (var b = 0; b < _bands; b++)
                {
                    counts[b] += _numerator[(i * _bands) + b];
                    denominators[b] += _denominator[(i * _bands) + b];
                }
            }
        }

        return (counts, denominators);
    }
}
