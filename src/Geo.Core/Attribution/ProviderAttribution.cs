using Geo.Core.Sources;

namespace Geo.Core.Attribution;

/// <summary>
/// Attributes providers' figures to neighbourhoods through a flow table (the usual GP practice to area
/// attribution; docs/methods.md, "GP practice attribution"). A provider p with proportion vₚ (its QOF register
/// over its list, say) and fₚᵢ patients living in neighbourhood i gives i an estimated count vₚ × fₚᵢ and a
/// denominator of fₚᵢ patients; each neighbourhood sums over its providers:
/// Oᵢ = Σₚ vₚ fₚᵢ and Nᵢ = Σₚ fₚᵢ. So each provider's estimated count vₚ × Σᵢ fₚᵢ is distributed whole, in
/// proportion to where its patients live, and none is invented. Providers are matched ignoring case; those with a
/// figure but no flow, and those with flows but no figure (whose patients are then left out of the denominators too),
/// are returned, not guessed. Linear in the flows. Stateless; thread-safe.
/// </summary>
public static class ProviderAttribution
{
    /// <param name="flows">Patients of each provider by neighbourhood of residence; a pair listed twice adds up.</param>
    /// <param name="proportions">Each provider's proportion of its patients, from 0 to 1.</param>
    /// <exception cref="ArgumentException">A proportion is outside 0 to 1, or a flow is negative or not a number.</exception>
    public static ProviderAttributionResult Attribute(IReadOnlyList<ProviderFlow> flows, IReadOnlyDictionary<string, double> proportions)
    {
        ArgumentNullException.ThrowIfNull(flows);
        ArgumentNullException.ThrowIfNull(proportions);
        var byCode = new Dictionary<string, double>(proportions.Count, StringComparer.OrdinalIgnoreCase);
        foreach (var (code, v) in proportions)
        {
            if (!(v >= 0 && v <= 1))
            {
                throw new ArgumentException($"The proportion of provider {code} is {v}; it must be from 0 to 1.", nameof(proportions));
            }

            byCode[code] = v;
        }

        var neighbourhoods = new Sums();
        var providers = new Sums();
        var withoutFigure = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
        foreach (var f in flows)
        {
            if (!(f.Count >= 0) || !double.IsFinite(f.Count))
            {
                throw new ArgumentException($"The flow from {f.Neighbourhood} to {f.Provider} (line {f.Line}) is {f.Count}; flows must be 0 or more.", nameof(flows));
            }

            if (!byCode.TryGetValue(f.Provider, out var v))
            {
                withoutFigure[f.Provider] = withoutFigure.GetValueOrDefault(f.Provider) + f.Count;
                continue;
            }

            neighbourhoods.Add(f.Neighbourhood, v * f.Count, f.Count, f.Provider);
            providers.Add(f.Provider, v * f.Count, f.Count, f.Neighbourhood);
        }

        return new ProviderAttributionResult
        {
            Neighbourhoods = neighbourhoods.Figures,
            Providers = providers.Figures,
            WithoutFlows = byCode.Keys.Where(c => !providers.Contains(c)).Order(StringComparer.Ordinal).ToArray(),
            WithoutFigure = withoutFigure.OrderBy(p => p.Key, StringComparer.Ordinal).ToArray(),
        };
    }

    /// <summary>Figures summed by code in order of first appearance.</summary>
    private sealed class Sums
    {
        private readonly Dictionary<string, int> _index = new(StringComparer.OrdinalIgnoreCase);
        private readonly List<AttributedFigure> _figures = [];

        public IReadOnlyList<AttributedFigure> Figures => _figures;

        public bool Contains(string code) => _index.ContainsKey(code);

        public void Add(string code, double numerator, double denominator, string from)
        {
            if (_index.TryGetValue(code, out var i))
            {
                var f = _figures[i];
                _figures[i] = f with { Numerator = f.Numerator + numerator, Denominator = f.Denominator + denominator };
            }
            else
            {
                _index.Add(code, _figures.Count);
                _figures.Add(new AttributedFigure(code, numerator, denominator, from));
            }
        }
    }
}
