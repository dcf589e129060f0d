namespace Geo.Core.Inequality;

/// <summary>
/// Deprivation quantiles formed within a group of small areas, as OHID forms them (PHEindicatormethods
/// <c>phe_quantiles</c>; Fingertips technical guidance, "Assigning deprivation categories"): the areas are
/// ranked by score, most deprived (highest score) first, ties sharing the lowest rank, and cut into groups of
/// as nearly equal numbers of areas as the count allows. Pure; thread-safe.
/// </summary>
/// <remarks>
/// With n areas, q quantiles and rank r (1 = highest score), the quantile is
/// ⌊(q + 1) − ⌈(n + 1 − r)·q / n⌉⌋, and 1 where that gives 0 (the reference's own correction). The ceiling is
/// taken in whole numbers, so no rounding of n/q can move an area across a boundary. Areas with equal scores
/// share a rank and therefore a quantile. Fewer areas than quantiles cannot be cut into them: like the
/// reference, which leaves such groups without quantiles, every area then gets 0.
/// </remarks>
public static class DeprivationQuantiles
{
    /// <summary>
    /// The quantile of each score, 1 (most deprived: the highest scores) to <paramref name="quantiles"/>, in the
    /// order of <paramref name="scores"/>; all 0 when there are fewer scores than quantiles.
    /// </summary>
    /// <exception cref="ArgumentException">A score is not a finite number, or fewer than two quantiles are asked for.</exception>
    public static int[] Assign(IReadOnlyList<double> scores, int quantiles = 10)
    {
        ArgumentNullException.ThrowIfNull(scores);
        if (quantiles < 2)
        {
            throw new ArgumentException($"At least two quantiles are needed, not {quantiles}.", nameof(quantiles));
        }

        var n = scores.Count;
        for (var i = 0; i < n; i++)
        {
            if (!double.IsFinite(scores[i]))
            {
                throw new ArgumentException($"Score {i + 1} is {scores[i]}; scores must be finite numbers.", nameof(scores));
            }
        }

        if (n < quantiles)
        {
            return new int[n];
        }

        var order = new int[n];
        for (var i = 0; i < n; i++)
        {
            order[i] = i;
        }

        Array.Sort(order, (a, b) => scores[b].CompareTo(scores[a]));
        var result = new int[n];
        var rank = 0;
        for (var k = 0; k < n; k++)
        {
            // Ties take the rank of the first of them (R's ties.method = "min").
            if (k == 0 || scores[order[k]] != scores[order[k - 1]])
            {
                rank = k + 1;
            }

            result[order[k]] = Quantile(rank, n, quantiles);
        }

        return result;
    }

    /// <summary>The quantile of rank <paramref name="rank"/> (1 = most deprived) among <paramref name="count"/> areas.</summary>
    public static int Quantile(int rank, int count, int quantiles)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rank, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(rank, count);
        var numerator = (long)(count + 1 - rank) * quantiles;
        var ceiling = (numerator + count - 1) / count;
        return (int)Math.Max(1, quantiles + 1 - ceiling);
    }
}
