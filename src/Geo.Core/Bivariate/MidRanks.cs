namespace Geo.Core.Bivariate;

/// <summary>
/// Mid-ranks (fractional ranks): values ranked 1 … n from the smallest, tied values sharing the mean of the ranks
/// they span (two values tied for 2nd and 3rd both get 2.5). Pure; thread-safe.
/// </summary>
public static class MidRanks
{
    /// <summary>The mid-rank of each value, in the order given.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is not finite.</exception>
    public static double[] Of(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var n = values.Count;
        var order = new int[n];
        var keys = new double[n];
        for (var i = 0; i < n; i++)
        {
            if (!double.IsFinite(values[i]))
            {
                throw new ArgumentOutOfRangeException(nameof(values), values[i], $"Value {i} is not a finite number.");
            }

            order[i] = i;
            keys[i] = values[i];
        }

        Array.Sort(keys, order);
        var ranks = new double[n];
        var start = 0;
        while (start < n)
        {
            var end = start;
            while (end + 1 < n && keys[end + 1] == keys[start])
            {
                end++;
            }

            // positions start … end (0-based) are ranks start+1 … end+1; their mean is (start + end)/2 + 1
            var rank = ((start + end) / 2.0) + 1;
            for (var k = start; k <= end; k++)
            {
                ranks[order[k]] = rank;
            }

            start = end + 1;
        }

        return ranks;
    }
}
