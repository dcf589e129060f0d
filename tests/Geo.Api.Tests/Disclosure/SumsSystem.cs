namespace Geo.Api.Tests.Disclosure;

/// <summary>
/// The attacker's algebra, written for these tests alone (nothing of Geo's suppressor is used): every figure an attacker
/// has seen is a linear equation over the true counts of the neighbourhoods (Σ wᵢ xᵢ = shown), the shown neighbourhood
/// counts are substituted, and what is left is a system over the hidden ones. A hidden count, or a hidden aggregate
/// Σ vᵢ xᵢ, is <b>determined</b> when its vector lies in the row space of that system (exact Gauss–Jordan elimination over
/// the rationals), and <b>pinned</b> when propagating the bounds of non-negative counts (and of primary suppression, 1 to
/// 7, where the answer says a count is primary) through the equations leaves it a single integer (or, for counts that
/// need not be whole, an interval narrower than 1).
/// </summary>
public sealed class SumsSystem(bool wholeCounts)
{
    private readonly Dictionary<string, double> _known = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _hidden = new(StringComparer.Ordinal);
    private readonly List<string> _hiddenKeys = [];
    private readonly List<(double Lo, double Hi)> _box = [];
    private readonly List<Equation> _equations = [];
    private readonly HashSet<string> _unpublished = new(StringComparer.Ordinal);
    private readonly List<(string Source, IReadOnlyList<(string Key, Rational Weight)> Terms, bool Cell)> _targets = [];

    /// <summary>A line of evidence: Σ weight × count over the terms equals <see cref="Value"/> (null when only its existence is known).</summary>
    private sealed record Equation(string Source, IReadOnlyList<(string Key, Rational Weight)> Terms, double? Value);

    /// <summary>Shown counts.</summary>
    public int Known => _known.Count;

    /// <summary>Hidden counts.</summary>
    public int Hidden => _hidden.Count;

    /// <summary>Equations gathered.</summary>
    public int Equations => _equations.Count;

    /// <summary>Hidden aggregates that must stay undetermined.</summary>
    public int Targets => _targets.Count;

    /// <summary>A neighbourhood count that is shown.</summary>
    public void Know(string key, double value) => _known[key] = value;

    /// <summary>A neighbourhood count that is hidden, with what the attacker knows of its range.</summary>
    public void Hide(string key, double lo, double hi)
    {
        if (_hidden.TryGetValue(key, out var i))
        {
            _box[i] = (Math.Max(_box[i].Lo, lo), Math.Min(_box[i].Hi, hi));
            return;
        }

        _hidden[key] = _hiddenKeys.Count;
        _hiddenKeys.Add(key);
        _box.Add((lo, hi));
    }

    /// <summary>
    /// A count that is never published, such as a single year inside published pools: hidden, and reported when determined
    /// or pinned, except when pinned at zero, which is what a shown zero of the sums it is in already says.
    /// </summary>
    public void HideUnpublished(string key, double lo, double hi)
    {
        Hide(key, lo, hi);
        _unpublished.Add(key);
    }

    /// <summary>Whether the key is a hidden count.</summary>
    public bool IsHidden(string key) => _hidden.ContainsKey(key);

    /// <summary>A shown aggregate: Σ weight × count = value (value null: known to the attacker, e.g. through an interval, but not read).</summary>
    public void Add(string source, IEnumerable<(string Key, Rational Weight)> terms, double? value) =>
        _equations.Add(new Equation(source, [.. terms], value));

    /// <summary>A shown aggregate of whole neighbourhoods (weights 1).</summary>
    public void Add(string source, IEnumerable<string> keys, double? value) => Add(source, keys.Select(k => (k, Rational.One)), value);

    /// <summary>
    /// A hidden aggregate. A <paramref name="cell"/> of the hierarchy (an area's count, hidden as primary or secondary)
    /// must not be determined; a hidden group or catchment is hidden as a precaution, and is only reported when determined
    /// (its hidden part is then a sum of two or more hidden counts, since a single one would be a determined count).
    /// </summary>
    public void Protect(string source, IEnumerable<string> keys, bool cell) =>
        _targets.Add((source, [.. keys.Select(k => (k, Rational.One))], cell));

    /// <summary>A hidden weighted aggregate (a catchment), reported when determined.</summary>
    public void Protect(string source, IEnumerable<(string Key, Rational Weight)> terms) => _targets.Add((source, [.. terms], false));

    /// <summary>Runs both attacks.</summary>
    public AttackResult Attack()
    {
        // Exact: reduced row echelon form over the hidden counts.
        var pivots = new Dictionary<int, Dictionary<int, Rational>>();
        foreach (var equation in _equations)
        {
            var row = Project(equation.Terms);
            Reduce(row, pivots);
            if (row.Count == 0)
            {
                continue;
            }

            var pivot = row.Keys.Min();
            var scale = row[pivot];
            foreach (var k in row.Keys.ToArray())
            {
                row[k] /= scale;
            }

            foreach (var other in pivots.Values)
            {
                if (other.TryGetValue(pivot, out var factor))
                {
                    AddScaled(other, row, -factor);
                }
            }

            pivots[pivot] = row;
        }

        var determined = new List<string>();
        foreach (var (col, row) in pivots)
        {
            if (row.Count == 1)
            {
                determined.Add(_hiddenKeys[col]);
            }
        }

        var targetsDetermined = new List<string>();
        var groupsDetermined = new List<string>();
        foreach (var (source, terms, cell) in _targets)
        {
            var row = Project(terms);
            if (row.Count == 0 && !cell)
            {
                continue; // a group of shown counts, hidden beside another: a sum of published figures
            }

            Reduce(row, pivots);
            if (row.Count == 0)
            {
                (cell ? targetsDetermined : groupsDetermined).Add(source);
            }
        }

        return new AttackResult(_known.Count, _hidden.Count, _equations.Count, pivots.Count, _targets.Count,
            [.. determined.Order(StringComparer.Ordinal)], targetsDetermined, Bounds())
        { GroupsDetermined = groupsDetermined };
    }

    private Dictionary<int, Rational> Project(IEnumerable<(string Key, Rational Weight)> terms)
    {
        var row = new Dictionary<int, Rational>();
        foreach (var (key, weight) in terms)
        {
            if (_hidden.TryGetValue(key, out var col) && !weight.IsZero)
            {
                var sum = row.GetValueOrDefault(col, Rational.Zero) + weight;
                if (sum.IsZero)
                {
                    row.Remove(col);
                }
                else
                {
                    row[col] = sum;
                }
            }
        }

        return row;
    }

    private static void Reduce(Dictionary<int, Rational> row, Dictionary<int, Dictionary<int, Rational>> pivots)
    {
        foreach (var col in row.Keys.Where(pivots.ContainsKey).ToArray())
        {
            if (row.TryGetValue(col, out var factor))
            {
                AddScaled(row, pivots[col], -factor);
            }
        }
    }

    private static void AddScaled(Dictionary<int, Rational> target, Dictionary<int, Rational> source, Rational factor)
    {
        foreach (var (k, v) in source)
        {
            var sum = target.GetValueOrDefault(k, Rational.Zero) + factor * v;
            if (sum.IsZero)
            {
                target.Remove(k);
            }
            else
            {
                target[k] = sum;
            }
        }
    }

    /// <summary>Interval propagation: each equation bounds each of its hidden counts by the others' bounds, to a fixed point.</summary>
    private List<(string Key, double Lo, double Hi)> Bounds()
    {
        var lo = _box.Select(b => b.Lo).ToArray();
        var hi = _box.Select(b => b.Hi).ToArray();
        var rows = new List<(int[] Cols, double[] W, double Sum)>();
        foreach (var equation in _equations.Where(e => e.Value is not null))
        {
            var rest = equation.Value!.Value;
            var cols = new List<int>();
            var weights = new List<double>();
            foreach (var (key, weight) in equation.Terms)
            {
                if (_hidden.TryGetValue(key, out var col))
                {
                    cols.Add(col);
                    weights.Add(weight.ToDouble());
                }
                else if (_known.TryGetValue(key, out var value))
                {
                    rest -= weight.ToDouble() * value;
                }
            }

            if (cols.Count > 0)
            {
                rows.Add(([.. cols], [.. weights], rest));
            }
        }

        const double slack = 1e-4;
        for (var round = 0; round < 100; round++)
        {
            var changed = false;
            foreach (var (cols, w, total) in rows)
            {
                // Each term's contribution w·x lies in [min(w·lo, w·hi), max(…)]: weights may be negative (pool links).
                double sumLo = 0, sumHi = 0;
                for (var k = 0; k < cols.Length; k++)
                {
                    sumLo += Math.Min(w[k] * lo[cols[k]], w[k] * hi[cols[k]]);
                    sumHi += Math.Max(w[k] * lo[cols[k]], w[k] * hi[cols[k]]);
                }

                if (double.IsNaN(sumLo) || double.IsNaN(sumHi))
                {
                    continue;
                }

                for (var k = 0; k < cols.Length; k++)
                {
                    var c = cols[k];
                    var termLo = Math.Min(w[k] * lo[c], w[k] * hi[c]);
                    var termHi = Math.Max(w[k] * lo[c], w[k] * hi[c]);
                    var othersHi = sumHi - termHi;
                    var othersLo = sumLo - termLo;
                    if (double.IsInfinity(othersHi) && double.IsInfinity(othersLo))
                    {
                        continue;
                    }

                    // w·x ∈ [total − othersHi, total − othersLo]
                    var a = double.IsInfinity(othersHi) ? double.NegativeInfinity : total - othersHi - slack;
                    var b = double.IsInfinity(othersLo) ? double.PositiveInfinity : total - othersLo + slack;
                    var (newLo, newHi) = w[k] > 0 ? (a / w[k], b / w[k]) : (b / w[k], a / w[k]);
                    if (newLo > lo[c] + 1e-9)
                    {
                        lo[c] = newLo;
                        changed = true;
                    }

                    if (newHi < hi[c] - 1e-9)
                    {
                        hi[c] = newHi;
                        changed = true;
                    }
                }
            }

            if (!changed)
            {
                break;
            }
        }

        var pinned = new List<(string, double, double)>();
        for (var i = 0; i < lo.Length; i++)
        {
            var narrow = wholeCounts ? Math.Ceiling(lo[i] - 1e-6) >= Math.Floor(hi[i] + 1e-6) : hi[i] - lo[i] < 1;
            if (narrow && !(_unpublished.Contains(_hiddenKeys[i]) && hi[i] < 1 - 1e-6))
            {
                pinned.Add((_hiddenKeys[i], lo[i], hi[i]));
            }
        }

        return pinned;
    }
}

/// <summary>What an attack recovered: hidden counts determined exactly, hidden aggregates determined, counts pinned by bounds.</summary>
public sealed record AttackResult(
    int Known,
    int Hidden,
    int Equations,
    int Rank,
    int Targets,
    IReadOnlyList<string> Determined,
    IReadOnlyList<string> TargetsDetermined,
    IReadOnlyList<(string Key, double Lo, double Hi)> Pinned)
{
    /// <summary>Hidden groups and catchments whose total (a sum of two or more hidden counts) the attacker can work out.</summary>
    public IReadOnlyList<string> GroupsDetermined { get; init; } = [];

    /// <summary>Whether nothing was recovered.</summary>
    public bool Clean => Determined.Count == 0 && TargetsDetermined.Count == 0 && Pinned.Count == 0;

    /// <summary>A one-line account.</summary>
    public string Summary =>
        $"{Known} shown and {Hidden} hidden neighbourhood counts, {Equations} equations (rank {Rank}), {Targets} hidden aggregates; "
        + $"determined {Determined.Count} counts and {TargetsDetermined.Count} hidden area counts, pinned {Pinned.Count} by bounds; "
        + $"{GroupsDetermined.Count} hidden groups' totals of several hidden counts worked out"
        + (Determined.Count > 0 ? "; e.g. " + string.Join(", ", Determined.Take(5)) : "")
        + (TargetsDetermined.Count > 0 ? "; e.g. " + string.Join(", ", TargetsDetermined.Take(5)) : "")
        + (Pinned.Count > 0 ? "; e.g. " + string.Join(", ", Pinned.Take(5).Select(p => $"{p.Key} in [{p.Lo:0.###}, {p.Hi:0.###}]")) : "");
}
