namespace Geo.Core.Bivariate;

/// <summary>
/// Tertile classes 1 (lowest third) to 3 (highest third) by rank, with tied values kept in one class.
/// Pure; thread-safe.
/// </summary>
/// <remarks>
/// Each value's mid-rank r (1 … n, ties averaged) gives its mid-point percentile p = (r − ½)/n. Class 1 when
/// p &lt; 1/3, class 3 when p &gt; 2/3, class 2 otherwise (a value exactly on a boundary goes to the middle). Tied
/// values share r and so a class; reversing the order swaps classes 1 and 3; nine distinct values give three of each,
/// ten give 3, 4, 3. The test is done in integers: 3(2r − 1) against 2n and 4n (2r is a whole number).
/// </remarks>
public static class Tertiles
{
    /// <summary>The tertile class (1, 2 or 3) of each value, in the order given.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is not finite.</exception>
    public static int[] Classes(IReadOnlyList<double> values)
    {
        var ranks = MidRanks.Of(values);
        var n = ranks.Length;
        var classes = new int[n];
        for (var i = 0; i < n; i++)
        {
            var twice = (long)Math.Round(2 * ranks[i]);
            var scaled = 3 * (twice - 1); // 6n·p
            classes[i] = scaled < 2L * n ? 1 : scaled > 4L * n ? 3 : 2;
        }

        return classes;
    }
}
