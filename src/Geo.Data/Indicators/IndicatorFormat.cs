namespace Geo.Data.Indicators;

/// <summary>The layout of an indicator file (<c>file.format</c> in the manifest).</summary>
internal enum IndicatorFormat
{
    /// <summary><c>long</c>: one row per area, period and optionally age band and sex, columns named by the manifest.</summary>
    Long,

    /// <summary><c>fingertips</c>: an OHID Fingertips export, columns found by their usual names.</summary>
    Fingertips,
}
