namespace Geo.Core.Inequality;

/// <summary>
/// The Benjamini-Hochberg step-up procedure, which controls the false discovery rate (the expected share
/// of false positives among the areas called significant) over many tests. Pure; thread-safe.
/// </summary>
/// <remarks>
/// With the m p-values sorted, p₍₁₎ ≤ … ≤ p₍ₘ₎, reject the hypotheses of p₍₁₎ … p₍ₖ₎ for the largest k with
/// p₍ₖ₎ ≤ k q / m. Equivalently each p-value gets the adjusted value q₍ᵢ₎ = minⱼ≥ᵢ min(1, m p₍ⱼ₎ / j) (R's
/// <c>p.adjust(method = "BH")</c>), and a hypothesis is rejected when its adjusted value is at most q.
/// Reference: Benjamini Y, Hochberg Y (1995). Controlling the false discovery rate. <i>JRSS B</i> 57:289–300.
/// </remarks>
public static class BenjaminiHochberg
{
    /// <summary>The adjusted p-values (q-values), in the order given.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A p-value is outside [0, 1].</exception>
    public static double[] Adjust(IReadOnlyList<double> pValues)
    {
        ArgumentNullException.ThrowIfNull(pValues);
        var m = pValues.Count;
        var order = new int[m];
        for (var i = 0; i < m; i++)
        {
            var p = pValues[i];
            if (!(p >= 0 && p <= 1))
            {
                throw new ArgumentOutOfRangeException(nameof(pValues), p, $"p-value {i} is not a probability.");
            }

            order[i] = i;
        }

        // tied p-values end with the same adjusted value whatever order the sort leaves them in
        var keys = order.Select(i => pValues[i]).ToArray();
        Array.Sort(keys, order);
        var adjusted = new double[m];
        var running = 1.0;
        for (var rank = m; rank >= 1; rank--)
        {
            var index = order[rank - 1];
            running = Math.Min(running, Math.Min(1, pValues[index] * m / rank));
            adjusted[index] = running;
        }

        return adjusted;
    }

    /// <summary>Which hypotheses are rejected at false discovery rate <paramref name="q"/> (0.05 by default).</summary>
    /// <exception cref="ArgumentOutOfRangeException">q is not in (0, 1), or a p-value is outside [0, 1].</exception>
    public static bool[] Reject(IReadOnlyList<double> pValues, double q = 0.05)
    {
        if (!(q > 0 && q < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(q), q, "The false discovery rate is a fraction between 0 and 1.");
        }

        return [.. Adjust(pValues).Select(a => a <= q)];
    }
}
