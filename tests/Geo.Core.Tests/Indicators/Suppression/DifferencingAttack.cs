namespace Geo.Core.Tests.Indicators.Suppression;

/// <summary>
/// An attacker who sees every visible count, knows the hierarchy and knows which areas have data (a
/// hidden count is marked, not blank), and tries to recover hidden counts from the equations
/// parent = Σ children with data.
/// </summary>
internal static class DifferencingAttack
{
    /// <summary>Each equation as (parent, children with data), for every area with data whose children have data.</summary>
    public static List<(string Parent, string[] Children)> Equations(Geo.Core.Geography.Geography geography,
        IReadOnlySet<string> withData)
    {
        var equations = new List<(string, string[])>();
        foreach (var area in geography.Areas)
        {
            var children = area.ChildCodes.Where(withData.Contains).ToArray();
            if (withData.Contains(area.Code) && children.Length > 0)
            {
                equations.Add((area.Code, children));
            }
        }

        return equations;
    }

    /// <summary>What the attacker sees: the true counts of the areas not hidden.</summary>
    public static Dictionary<string, double> Published(IReadOnlyDictionary<string, double> counts, Func<string, bool> isHidden) =>
        counts.Where(c => !isHidden(c.Key)).ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal);

    /// <summary>
    /// Repeated subtraction: any equation with one unknown cell gives it; the recovered value is then
    /// used in the other equations, until nothing changes. Returns the hidden counts recovered.
    /// </summary>
    public static Dictionary<string, double> BySubtraction(List<(string Parent, string[] Children)> equations,
        IReadOnlyDictionary<string, double> published)
    {
        var known = new Dictionary<string, double>(published, StringComparer.Ordinal);
        var recovered = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var (parent, children) in equations)
            {
                var unknown = children.Prepend(parent).Where(c => !known.ContainsKey(c)).ToArray();
                if (unknown.Length != 1)
                {
                    continue;
                }

                var cell = unknown[0];
                var childSum = children.Where(c => c != cell).Sum(c => known[c]);
                var value = cell == parent ? childSum : known[parent] - childSum;
                known[cell] = value;
                recovered[cell] = value;
                changed = true;
            }
        }

        return recovered;
    }

    /// <summary>
    /// Full linear algebra: Gauss–Jordan elimination, in exact fractions, of all the equations over the
    /// hidden unknowns. An unknown is determined exactly when the unit vector on it lies in the row space,
    /// that is when, in reduced row-echelon form, its pivot row has no other entry. Returns the hidden
    /// counts so determined, with their values.
    /// </summary>
    public static Dictionary<string, double> ByLinearAlgebra(List<(string Parent, string[] Children)> equations,
        IReadOnlyDictionary<string, double> published)
    {
        var column = new Dictionary<string, int>(StringComparer.Ordinal);
        var names = new List<string>();
        int Column(string code)
        {
            if (!column.TryGetValue(code, out var c))
            {
                c = column[code] = names.Count;
                names.Add(code);
            }

            return c;
        }

        // Reduced rows: each has coefficient 1 on its pivot and 0 on every other row's pivot.
        var pivots = new List<(int Pivot, Dictionary<int, Rational> Row, Rational Rhs)>();
        var pivotIndex = new Dictionary<int, int>();
        foreach (var (parent, children) in equations)
        {
            // parent − Σ children = 0, with the visible counts moved to the right-hand side.
            var row = new Dictionary<int, Rational>();
            var rhs = Rational.Zero;
            foreach (var (code, sign) in children.Select(c => (c, -1)).Prepend((parent, 1)))
            {
                if (published.TryGetValue(code, out var value))
                {
                    rhs -= Rational.FromCount(value * sign);
                }
                else
                {
                    row[Column(code)] = new Rational(sign, 1);
                }
            }

            foreach (var col in row.Keys.Where(pivotIndex.ContainsKey).ToArray())
            {
                var factor = row[col];
                var (_, pivotRow, pivotRhs) = pivots[pivotIndex[col]];
                AddMultiple(row, pivotRow, -factor);
                rhs -= factor * pivotRhs;
            }

            if (row.Count == 0)
            {
                if (!rhs.IsZero)
                {
                    throw new InvalidOperationException($"The equation of {parent} contradicts the others.");
                }

                continue;
            }

            var pivot = row.Keys.Max();
            var scale = row[pivot];
            foreach (var col in row.Keys.ToArray())
            {
                row[col] /= scale;
            }

            rhs /= scale;
            for (var i = 0; i < pivots.Count; i++)
            {
                var (p, other, otherRhs) = pivots[i];
                if (other.TryGetValue(pivot, out var factor))
                {
                    AddMultiple(other, row, -factor);
                    pivots[i] = (p, other, otherRhs - factor * rhs);
                }
            }

            pivotIndex[pivot] = pivots.Count;
            pivots.Add((pivot, row, rhs));
        }

        return pivots.Where(p => p.Row.Count == 1)
            .ToDictionary(p => names[p.Pivot], p => p.Rhs.ToDouble(), StringComparer.Ordinal);
    }

    private static void AddMultiple(Dictionary<int, Rational> target, Dictionary<int, Rational> source, Rational factor)
    {
        foreach (var (col, value) in source)
        {
            var sum = (target.TryGetValue(col, out var existing) ? existing : Rational.Zero) + factor * value;
            if (sum.IsZero)
            {
                target.Remove(col);
            }
            else
            {
                target[col] = sum;
            }
        }
    }
}
