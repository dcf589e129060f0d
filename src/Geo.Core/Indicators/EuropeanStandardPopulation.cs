using Geo.Core.Sources;

namespace Geo.Core.Indicators;

/// <summary>
/// The 2013 European Standard Population (Eurostat, 2013): 19 five-year bands summing to 100,000, the
/// standard of OHID's directly standardised rates. Immutable.
/// </summary>
public static class EuropeanStandardPopulation
{
    private static readonly double[] Weights =
    [
        5000, 5500, 5500, 5500, 6000, 6000, 6500, 7000, 7000, 7000,
        7000, 6500, 6000, 5500, 5000, 4000, 2500, 1500, 1000,
    ];

    /// <summary>Weights of <see cref="AgeBand.Esp2013"/>, in order.</summary>
    public static IReadOnlyList<double> Esp2013 => Weights;

    /// <summary>
    /// The standard population of each of <paramref name="bands"/>, which must be unions of whole ESP2013
    /// bands: Census 2021's <c>85+</c>, for instance, gets 85-89 plus 90+ (1,500 + 1,000 = 2,500).
    /// </summary>
    public static double[] For(IReadOnlyList<AgeBand> bands)
    {
        var result = new double[bands.Count];
        for (var i = 0; i < AgeBand.Esp2013.Count; i++)
        {
            var esp = AgeBand.Esp2013[i];
            var target = -1;
            for (var b = 0; b < bands.Count; b++)
            {
                if (Contains(bands[b], esp))
                {
                    target = b;
                    break;
                }
            }

            if (target < 0)
            {
                throw new ArgumentException(
                    $"The age bands {string.Join(", ", bands)} do not split into whole ESP2013 bands: {esp} falls in none or across two.", nameof(bands));
            }

            result[target] += Weights[i];
        }

        return result;
    }

    private static bool Contains(AgeBand outer, AgeBand inner) =>
        outer.From <= inner.From && (outer.To is null || (inner.To is not null && inner.To <= outer.To));
}
