namespace Geo.Core.Inequality;

/// <summary>
/// Order statistics without a full sort: after <see cref="SelectInPlace"/>, each asked position holds the value a sort
/// would put there (Hoare's selection, median-of-three pivots, expected linear time). Stateless; thread-safe.
/// </summary>
internal static class OrderStatistics
{
    /// <summary>Rearranges <paramref name="values"/> so that every index in <paramref name="positions"/> holds its sorted
    /// value. Falls back to a full sort when a value is NaN (which has no place in a comparison).</summary>
    public static void SelectInPlace(double[] values, IReadOnlyList<int> positions)
    {
        foreach (var v in values)
        {
            if (double.IsNaN(v))
            {
                Array.Sort(values);
                return;
            }
        }

        var sorted = positions.Distinct().Order().ToArray();
        Select(values, 0, values.Length - 1, sorted, 0, sorted.Length - 1);
    }

    /// <summary>Selects the middle wanted position in [lo, hi], then the wanted ones left and right of it in the parts
    /// left and right of it: tail positions are then found in small ranges.</summary>
    private static void Select(double[] values, int lo, int hi, int[] positions, int first, int last)
    {
        if (first > last)
        {
            return;
        }

        var middle = first + ((last - first) / 2);
        var k = positions[middle];
        Select(values, lo, hi, k);
        Select(values, lo, k - 1, positions, first, middle - 1);
        Select(values, k + 1, hi, positions, middle + 1, last);
    }

    private static void Select(double[] a, int lo, int hi, int k)
    {
        while (hi > lo)
        {
            var mid = lo + ((hi - lo) / 2);
            if (a[mid] < a[lo])
            {
                (a[mid], a[lo]) = (a[lo], a[mid]);
            }

            if (a[hi] < a[lo])
            {
                (a[hi], a[lo]) = (a[lo], a[hi]);
            }

            if (a[hi] < a[mid])
            {
                (a[hi], a[mid]) = (a[mid], a[hi]);
            }

            var pivot = a[mid];
            var i = lo;
            var j = hi;
            while (i <= j)
            {
                while (a[i] < pivot)
                {
                    i++;
                }

                while (a[j] > pivot)
                {
                    j--;
                }

                if (i <= j)
                {
                    (a[i], a[j]) = (a[j], a[i]);
                    i++;
                    j--;
                }
            }

            if (k <= j)
            {
                hi = j;
            }
            else if (k >= i)
            {
                lo = i;
            }
            else
            {
                return;
            }
        }
    }
}
