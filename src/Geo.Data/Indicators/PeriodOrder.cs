namespace Geo.Data.Indicators;

/// <summary>
/// Orders period labels as people read them: runs of digits compare as numbers, everything else
/// ordinally, so "2019/20" &lt; "2020/21", "2021" &lt; "2022" and "2021 Q2" &lt; "2021 Q10". Labels should
/// start with the year for this to be chronological. Stateless and thread-safe.
/// </summary>
internal sealed class PeriodOrder : IComparer<string>
{
    public static PeriodOrder Instance { get; } = new();

    public int Compare(string? x, string? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null || y is null)
        {
            return x is null ? -1 : 1;
        }

        int i = 0, j = 0;
        while (i < x.Length && j < y.Length)
        {
            if (char.IsAsciiDigit(x[i]) && char.IsAsciiDigit(y[j]))
            {
                var (xs, xe) = Digits(x, ref i);
                var (ys, ye) = Digits(y, ref j);
                var byValue = CompareDigits(x.AsSpan(xs, xe - xs), y.AsSpan(ys, ye - ys));
                if (byValue != 0)
                {
                    return byValue;
                }

                continue;
            }

            var byChar = x[i].CompareTo(y[j]);
            if (byChar != 0)
            {
                return byChar;
            }

            i++;
            j++;
        }

        var byLength = (x.Length - i).CompareTo(y.Length - j);
        return byLength != 0 ? byLength : string.CompareOrdinal(x, y);
    }

    /// <summary>The digit run starting at <paramref name="index"/> without leading zeros; moves the index past it.</summary>
    private static (int Start, int End) Digits(string s, ref int index)
    {
        var start = index;
        while (index < s.Length && char.IsAsciiDigit(s[index]))
        {
            index++;
        }

        while (start < index - 1 && s[start] == '0')
        {
            start++;
        }

        return (start, index);
    }

    private static int CompareDigits(ReadOnlySpan<char> a, ReadOnlySpan<char> b) =>
        a.Length != b.Length ? a.Length.CompareTo(b.Length) : a.SequenceCompareTo(b);
}
