using Geo.Core.Indicators.Suppression;
using Geo.Core.Sources;
using Geo.Core.Statistics;

namespace Geo.Core.Indicators;

/// <summary>
/// One period's age-specific rates of every area, as they may be shown (docs/methods.md, "Age-specific rates"). The
/// counts of each band, summed up the hierarchy, are suppressed band by band by the same rule as the totals
/// (<see cref="Suppressor"/>: small counts, then what protects them from subtraction between parent and children), and an
/// area shows its bands only when none of them is hidden in any band and its total is shown: all or nothing. The areas
/// hidden are the union of the hidden sets of the bands and of the totals; each of those sets leaves every equation
/// parent = Σ children with none or at least two hidden cells, so the union does too, and the same hidden areas in every
/// band mean the difference between an area's total and its shown bands is never one band alone. Immutable and
/// thread-safe; built once per period by <see cref="IndicatorEngine.AgeSpecific"/>.
/// </summary>
public sealed class AgeSpecificView
{
    private readonly IReadOnlyDictionary<string, int> _index;
    private readonly double[] _numerator;
    private readonly double[] _denominator;
    private readonly bool[] _hidden;
    private readonly bool[] _hasData;
    private readonly double _multiplier;

    internal AgeSpecificView(IReadOnlyList<AgeBand> bands, IReadOnlyDictionary<string, int> index, double[] numerator, double[] denominator,
        bool[] hasData, bool[] hidden, double multiplier)
    {
        Bands = bands;
        _index = index;
        _numerator = numerator;
        _denominator = denominator;
        _hasData = hasData;
        _hidden = hidden;
        _multiplier = multiplier;
    }

    /// <summary>The broad age bands the rates are published in: unions of neighbouring bands of the engine, the same for every area.</summary>
    public IReadOnlyList<AgeBand> Bands { get; }

    /// <summary>The area's rates; null for a code not in the dataset. Bands without population have no rate.</summary>
    public AgeSpecificRates? For(string code)
    {
        if (!_index.TryGetValue(code, out var i))
        {
            return null;
        }

        var shown = _hasData[i] && !_hidden[i];
        var rates = new AgeSpecificRate[Bands.Count];
        for (var b = 0; b < rates.Length; b++)
        {
            var cell = (i * Bands.Count) + b;
            var (count, denominator) = (_numerator[cell], _denominator[cell]);
            if (!shown || !(denominator > 0))
            {
                rates[b] = new AgeSpecificRate(Bands[b], shown ? count : null, denominator, null, null, null);
                continue;
            }

            var rate = CrudeRate.Calculate(count, denominator, _multiplier, ConfidenceLevel.Percent95);
            rates[b] = new AgeSpecificRate(Bands[b], count, denominator, rate.Value, rate.Lower, rate.Upper);
        }

        return new AgeSpecificRates(code, shown, rates);
    }
}
