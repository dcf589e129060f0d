namespace Geo.Core.Bivariate;

/// <summary>
/// One area's place in a 3×3 bivariate map: the tertile class of each indicator. Immutable.
/// </summary>
/// <param name="X">Tertile class of the first indicator, 1 (lowest third) to 3.</param>
/// <param name="Y">Tertile class of the second indicator, 1 (lowest third) to 3.</param>
public readonly record struct BivariateClass(int X, int Y)
{
    /// <summary>The class as "x-y", e.g. "3-1": highest third of x, lowest of y.</summary>
    public string Code => $"{X}-{Y}";

    /// <summary>The classes of the pairs (x[i], y[i]): each indicator's tertiles over all the pairs.</summary>
    /// <exception cref="ArgumentException">x and y differ in length.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A value is not finite.</exception>
    public static BivariateClass[] Of(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Count != y.Count)
        {
            throw new ArgumentException($"x has {x.Count} values and y has {y.Count}; bivariate classes need pairs.", nameof(y));
        }

        var cx = Tertiles.Classes(x);
        var cy = Tertiles.Classes(y);
        var classes = new BivariateClass[cx.Length];
        for (var i = 0; i < cx.Length; i++)
        {
            classes[i] = new BivariateClass(cx[i], cy[i]);
        }

        return classes;
    }
}
