namespace Geo.Core.Indicators;

/// <summary>Whether a pair of values was compared by <see cref="PairSignificance"/>, and if not, why in short.</summary>
public enum PairStatus
{
    /// <summary>Both values and intervals were there and the estimates independent: the difference was tested.</summary>
    Compared,

    /// <summary>One area lies inside the other, so their estimates share events and are not independent.</summary>
    Nested,

    /// <summary>A value is suppressed or has no 95% interval; <see cref="PairComparison.Reason"/> says which.</summary>
    NotCompared,
}
