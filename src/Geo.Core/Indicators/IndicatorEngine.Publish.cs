using System.Collections.Concurrent;

namespace Geo.Core.Indicators;

// Suppression and publication: the only way figures leave the engine is an IndicatorView,
// which applies the Policy (docs/methods.md, "Small-number suppression").
public sealed partial class IndicatorEngine
{
    private readonly ConcurrentDictionary<string, Lazy<IndicatorView>> _published = new(StringComparer.Ordinal);

    /// <summary>The period's figures with the suppression policy applied: what may leave the engine.</summary>
    public IndicatorView Publish(string period)
    {
        if (_published.TryGetValue(period, out var done))
        {
            return done.Value;
        }

        CheckPeriod(period);
        return _published.GetOrAdd(period, p => new Lazy<IndicatorView>(() =>
            IndicatorView.Create(_geography, Definition, p, Compute(p), Policy, Describe(), _apportioned))).Value;
    }

    /// <summary>How the value and its limits are computed, for export metadata.</summary>
    public string Describe() => _apportioned.Count == 0 ? _method.Describe() : $"{_method.Describe()} {ApportionedPlaces.Method}";
}
