namespace Geo.Core.Indicators.Suppression;

/// <summary>Why an area's count is hidden, or <see cref="None"/> when it is shown (or the area has no data).</summary>
public enum SuppressionReason
{
    /// <summary>Shown: the count is outside the hidden range and no equation needs it hidden.</summary>
    None = 0,

    /// <summary>Hidden because the count itself is small (<see cref="SuppressionPolicy.IsPrimary"/>).</summary>
    Primary = 1,

    /// <summary>Hidden only so that a primary suppression cannot be recovered by subtraction.</summary>
    Secondary = 2,
}
