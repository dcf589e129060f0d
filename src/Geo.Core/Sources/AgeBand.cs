using System.Globalization;

namespace Geo.Core.Sources;

/// <summary>An age band in whole years, <c>0-4</c> … <c>90+</c>. <see cref="To"/> is null for an open top band.</summary>
public readonly record struct AgeBand(int From, int? To)
{
    /// <summary>The 19 bands of the 2013 European Standard Population (0-4 … 85-89, 90+).</summary>
    public static IReadOnlyList<AgeBand> Esp2013 { get; } =
        Enumerable.Range(0, 18).Select(i => new AgeBand(i * 5, i * 5 + 4)).Append(new AgeBand(90, null)).ToArray();

    public static AgeBand Parse(string text)
    {
        if (TryParse(text, out var band))
        {
            return band;
        }

        throw new FormatException($"'{text}' is not an age band such as '0-4' or '85+'.");
    }

    public static bool TryParse(string? text, out AgeBand band)
    {
        band = default;
        var t = text?.Trim();
        if (string.IsNullOrEmpty(t))
        {
            return false;
        }

        if (t.EndsWith('+') && int.TryParse(t.AsSpan(0, t.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var open))
        {
            band = new AgeBand(open, null);
            return true;
        }

        var dash = t.IndexOf('-', StringComparison.Ordinal);
        if (dash > 0
            && int.TryParse(t.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out var from)
            && int.TryParse(t.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var to)
            && to >= from)
        {
            band = new AgeBand(from, to);
            return true;
        }

        return false;
    }

    public override string ToString() => To is null ? $"{From}+" : $"{From}-{To}";
}
