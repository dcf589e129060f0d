namespace Geo.Core.Indicators;

/// <summary>What kind of value an <see cref="IndicatorColumn"/> holds, in every format it is written to.</summary>
public enum IndicatorColumnType
{
    /// <summary>A word or a code: a CSV cell as is, a JSON string.</summary>
    Text,

    /// <summary>A real number rounded to 6 decimals: a JSON number.</summary>
    Number,

    /// <summary>A whole number: a JSON number without decimals.</summary>
    Integer,
}
