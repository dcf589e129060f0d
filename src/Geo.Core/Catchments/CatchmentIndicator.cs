using Geo.Core.Geography;
using Geo.Core.Indicators;
using Geo.Core.Indicators.Suppression;

namespace Geo.Core.Catchments;

/// <summary>
/// An indicator for a provider's catchment, aggregated like any other area (docs/methods.md, "Catchments"): the
/// members' counts and populations summed, each weighted by <see cref="CatchmentMember.Weight"/> (the flow share for
/// proportional flow, 1 for first past the post), then the value, limits and comparison with England computed by
/// the engine's own statistics; published under the dataset's suppression policy. Stateless; thread-safe.
/// </summary>
public static class CatchmentIndicator
{
    /// <summary>The note on a catchment hidden to protect its members' suppressed counts.</summary>
    public const string ProtectsMembers = "suppressed: a neighbourhood of the catchment is suppressed, and the catchment's count would help reveal it";

    /// <summary>Why the indicator cannot be aggregated to catchments, or null when it can.</summary>
    public static string? Unsupported(IndicatorSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return source.DataLevel != Level.Neighbourhood
            ? $"Indicator '{source.Definition.Id}' is published by {source.DataLevel.ToName()}, not by neighbourhood, so it cannot be summed over catchments of neighbourhoods."
            : null;
    }

    /// <summary>The catchment as an area outside the hierarchy: the provider's code and name, level catchment, its
    /// member neighbourhoods as children.</summary>
    public static Area AreaOf(Catchment catchment)
    {
        ArgumentNullException.ThrowIfNull(catchment);
        return new Area(catchment.Provider, catchment.Name, Level.Catchment, null,
            [.. catchment.Members.Select(m => m.Neighbourhood)]);
    }

    /// <summary>The catchment's true figures. Not for publication: see <see cref="Publish"/>.</summary>
    public static IndicatorRow Compute(IndicatorEngine engine, string period, Catchment catchment)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(catchment);
        return engine.ComputeGroup(period, AreaOf(catchment), catchment.Members.Select(m => (m.Neighbourhood, m.Weight)));
    }

    /// <summary>
    /// The catchment's row as it may be shown. Catchments cut across the hierarchy, and by changing the method or the
    /// threshold anyone can obtain two catchments that differ by a single neighbourhood, so a catchment's count can
    /// give away any suppressed member's. It is therefore shown only when every member's count is shown (the count is
    /// then a weighted sum of published figures and reveals nothing new) and is not itself small; otherwise it is
    /// hidden with every figure derived from it: primary when small, secondary when it protects a member.
    /// </summary>
    public static IndicatorRow Publish(IndicatorEngine engine, string period, Catchment catchment)
    {
        var row = Compute(engine, period, catchment);
        if (engine.Definition.ValueType == IndicatorValueType.Score || row.Count is not { } count || !engine.Policy.IsEnabled)
        {
            return row;
        }

        if (engine.Policy.IsPrimary(count))
        {
            return IndicatorView.Hide(row, SuppressionReason.Primary);
        }

        var view = engine.Publish(period);
        return catchment.Members.Any(m => view.Find(m.Neighbourhood) is { Suppression: not SuppressionReason.None })
            ? IndicatorView.Hide(row, SuppressionReason.Secondary) with { Note = ProtectsMembers }
            : row;
    }
}
