namespace Geo.Data.Indicators;

/// <summary>One area × period × age band of an indicator file while it is read: the sums over its rows
/// (sexes), and the line of its first row. Mutable, owned by one <see cref="IndicatorAccumulator"/>.</summary>
internal sealed class IndicatorSlot(string area, int period, int band, long line)
{
    public string Area { get; } = area;

    /// <summary>Index into the accumulator's periods.</summary>
    public int Period { get; } = period;

    /// <summary>Index into the accumulator's bands, or -1 for all ages.</summary>
    public int Band { get; set; } = band;

    public double Numerator { get; set; }

    public double Denominator { get; set; }

    public long Line { get; } = line;
}
