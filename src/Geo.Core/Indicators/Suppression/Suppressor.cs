namespace Geo.Core.Indicators.Suppression;

/// <summary>
/// Decides which areas' counts must be hidden so that no small count can be seen or worked out from
/// what is shown. Thread-safe and pure (no I/O); the only state is a flattened copy of each geography's
/// tree, cached beside the (immutable) geography so that repeated calls only read counts.
/// </summary>
/// <remarks>
/// <para><b>Primary suppression.</b> Every area whose count <see cref="SuppressionPolicy.IsPrimary">is
/// small</see> is hidden.</para>
/// <para><b>Secondary suppression.</b> Each area with data whose children have data gives an equation,
/// parent = Σ children with data (the country root is the parent of the system-level equation). An
/// equation with exactly one hidden cell gives that cell away by subtraction, so one more of its cells
/// is hidden: the visible child with the smallest positive count (ties by code, ordinal), else a visible
/// zero child, else the parent. A newly hidden cell also sits in its other equation (as a child of its
/// own parent, or as the parent of its own children), which may now have exactly one hidden cell, so
/// the rule is repeated until every equation has none or at least two. An equation with two or more
/// hidden cells may still pin one by bounds (an outsider knows a small count is from 1 to 7 and any
/// count is at least 0: two small siblings adding to 14 are both 7), so such an equation gets one more
/// hidden cell, chosen the same way, until no hidden cell of it can take only one whole value. Every
/// action hides a cell, so the work stays linear in the number of areas.
/// Areas absent from the counts are in no equation, and a parent whose children have no data (data at
/// place level only) forms none. Where only some children have data, the equation over those children
/// is kept: it may be stronger than what an attacker can use, never weaker, so protecting it is safe.</para>
/// <para><b>Why that is enough.</b> Each hidden cell lies in at most two equations, and the hierarchy
/// is a tree, so taking equations as nodes and hidden cells as edges gives a forest; a hidden cell in
/// only one equation (a neighbourhood, the root, an area whose parent or children have no data) is a
/// dangling edge. Start at any hidden cell and walk: every equation entered has another hidden cell to
/// leave by, the forest never leads back, so both ways the walk ends at a dangling edge. Add +t and −t
/// along that path (the same sign when passing from a parent to its child, opposite signs when passing
/// between two children of one parent): every equation on the path gains and loses t, no other changes,
/// so for every t the hidden values still agree with everything shown. Hence no hidden count is fixed
/// by the equations: neither repeated subtraction nor any linear algebra recovers it. (Only exact
/// recovery is prevented; a hidden count may still be bounded, as any count is by its parent.)</para>
/// <para><b>Linked cells.</b> The parts of a district split between systems may carry the district's count apportioned by
/// population (docs/methods.md, "District data on partial places"): each part is a published share of one district count,
/// so one part shown gives away the district's count and with it every other part. Such parts are passed as a linked
/// group, and a group is hidden whole: when any of its cells is hidden, primarily or secondarily, the others are hidden
/// too, and their equations then follow the rule above. The parts lie in different systems, so no two are siblings; each
/// part's equation therefore gets its own second hidden cell, a sibling place where one with data remains (the parent
/// only when none does), and a change of the district's count shared out by population is absorbed by those siblings,
/// touching no other equation: neither the district's count nor any part is fixed by what is shown.</para>
/// </remarks>
public static class Suppressor
{
    /// <summary>Decide which counts are hidden.</summary>
    /// <param name="geography">The hierarchy the counts belong to.</param>
    /// <param name="counts">The true count of every area that has data, by code; areas without data are
    /// absent. Entries for codes not in the geography are ignored.</param>
    /// <param name="policy">Which counts are too small to show; <see cref="SuppressionPolicy.None"/> hides nothing.</param>
    /// <param name="linked">Groups of areas hidden together (the parts of one apportioned district); codes not in the
    /// geography or without data are ignored. None when omitted.</param>
    /// <exception cref="ArgumentException">A count is negative, infinite or not a number.</exception>
    public static SuppressionResult Apply(Geography.Geography geography, IReadOnlyDictionary<string, double> counts,
        SuppressionPolicy policy, IEnumerable<IReadOnlyList<string>>? linked = null)
    {
        ArgumentNullException.ThrowIfNull(geography);
        ArgumentNullException.ThrowIfNull(counts);
        ArgumentNullException.ThrowIfNull(policy);

        var layout = HierarchyLayout.For(geography);
        var n = layout.Areas.Length;
        var values = new double[n];
        var hasData = new bool[n];
        for (var i = 0; i < n; i++)
        {
            var code = layout.Areas[i].Code;
            if (counts.TryGetValue(code, out var count))
            {
                if (!double.IsFinite(count) || count < 0)
                {
                    throw new ArgumentException(
                        $"The count for {code} is {count}; counts must be finite and not negative.", nameof(counts));
                }

                values[i] = count;
                hasData[i] = true;
            }
        }

        var tree = new Cells(layout, values, hasData, new SuppressionReason[n], new int[n], Groups(layout, hasData, linked));
        if (!policy.IsEnabled)
        {
            return new SuppressionResult(policy, layout, tree.Reasons, 0, 0);
        }

        // HiddenCount[g] counts the hidden cells of the equation whose parent is g (-1: no equation).
        for (var i = 0; i < n; i++)
        {
            tree.HiddenCount[i] = IsEquation(tree, i) ? 0 : -1;
        }

        var primary = 0;
        for (var i = 0; i < n; i++)
        {
            if (hasData[i] && policy.IsPrimary(values[i]))
            {
                Hide(tree, i, SuppressionReason.Primary);
                primary++;
            }
        }

        var secondary = 0;
        for (var i = 0; i < n; i++)
        {
            if (tree.Reasons[i] == SuppressionReason.Primary)
            {
                secondary += HideLinked(tree, i, queue: null);
            }
        }

        // Deepest equations first, so that places settle before the ICPs above them.
        var queue = new Queue<int>();
        for (var i = n - 1; i >= 0; i--)
        {
            if (tree.HiddenCount[i] >= 1)
            {
                queue.Enqueue(i);
            }
        }

        while (queue.TryDequeue(out var group))
        {
            if (tree.HiddenCount[group] < 1 || (tree.HiddenCount[group] > 1 && !Pins(tree, group, policy)))
            {
                continue;
            }

            var cell = ChooseSecondary(tree, group);
            if (tree.Reasons[cell] != SuppressionReason.None)
            {
                continue; // every cell of the equation is hidden already
            }

            Hide(tree, cell, SuppressionReason.Secondary);
            secondary++;

            // Both equations of the cell may now give something away: the one it was chosen for (bounds) and its other one.
            queue.Enqueue(group);
            var other = cell == group ? layout.Parent[cell] : cell;
            if (other >= 0 && tree.HiddenCount[other] >= 1)
            {
                queue.Enqueue(other);
            }

            secondary += HideLinked(tree, cell, queue);
        }

        return new SuppressionResult(policy, layout, tree.Reasons, primary, secondary);
    }

    /// <summary>Hides the cells linked with <paramref name="cell"/> that are still shown (secondarily), queueing each
    /// equation of theirs left with exactly one hidden cell; returns how many were hidden.</summary>
    private static int HideLinked(Cells tree, int cell, Queue<int>? queue)
    {
        if (tree.Group[cell] is not { } members)
        {
            return 0;
        }

        var hidden = 0;
        foreach (var m in members)
        {
            if (tree.Reasons[m] != SuppressionReason.None)
            {
                continue;
            }

            Hide(tree, m, SuppressionReason.Secondary);
            hidden++;
            foreach (var equation in (ReadOnlySpan<int>)[m, tree.Layout.Parent[m]])
            {
                if (queue is not null && equation >= 0 && tree.HiddenCount[equation] >= 1)
                {
                    queue.Enqueue(equation);
                }
            }
        }

        return hidden;
    }

    /// <summary>For each cell, the cells of its linked group that have data (itself included), or null.</summary>
    private static int[]?[] Groups(HierarchyLayout layout, bool[] hasData, IEnumerable<IReadOnlyList<string>>? linked)
    {
        var groups = new int[]?[layout.Areas.Length];
        foreach (var codes in linked ?? [])
        {
            var members = codes.Select(layout.IndexOf).Where(i => i >= 0 && hasData[i]).Distinct().ToArray();
            if (members.Length < 2)
            {
                continue;
            }

            foreach (var m in members)
            {
                groups[m] = members;
            }
        }

        return groups;
    }

    private static bool IsEquation(Cells tree, int i)
    {
        if (!tree.HasData[i])
        {
            return false;
        }

        for (var c = tree.Layout.FirstChild[i]; c < tree.Layout.EndChild[i]; c++)
        {
            if (tree.HasData[c])
            {
                return true;
            }
        }

        return false;
    }

    private static void Hide(Cells tree, int cell, SuppressionReason why)
    {
        tree.Reasons[cell] = why;
        if (tree.HiddenCount[cell] >= 0)
        {
            tree.HiddenCount[cell]++;
        }

        var parent = tree.Layout.Parent[cell];
        if (parent >= 0 && tree.HiddenCount[parent] >= 0)
        {
            tree.HiddenCount[parent]++;
        }
    }

    /// <summary>
    /// Whether the equation whose parent is <paramref name="group"/> pins one of its hidden cells by bounds alone: an
    /// outsider knows a primary cell lies from <see cref="SuppressionPolicy.MinimumHidden"/> to
    /// <see cref="SuppressionPolicy.MaximumHidden"/> and any other hidden cell is at least 0, so two small siblings adding to
    /// 14 are both 7, and two adding to 2 are both 1. True when some hidden cell can take only one whole value.
    /// </summary>
    private static bool Pins(Cells tree, int group, SuppressionPolicy policy)
    {
        // Σ over hidden cells of sign × count = rest: children +1, the parent −1 (Σ children = parent).
        var rest = tree.Reasons[group] == SuppressionReason.None ? tree.Counts[group] : 0.0;
        var cells = new List<(int Cell, int Sign)>();
        if (tree.Reasons[group] != SuppressionReason.None)
        {
            cells.Add((group, -1));
        }

        for (var c = tree.Layout.FirstChild[group]; c < tree.Layout.EndChild[group]; c++)
        {
            if (!tree.HasData[c])
            {
                continue;
            }

            if (tree.Reasons[c] == SuppressionReason.None)
            {
                rest -= tree.Counts[c];
            }
            else
            {
                cells.Add((c, 1));
            }
        }

        (double Lo, double Hi) Range(int cell) => tree.Reasons[cell] == SuppressionReason.Primary
            ? (policy.MinimumHidden, policy.MaximumHidden)
            : (0, double.PositiveInfinity);

        // The signed terms' sum ranges over [low, high]; one term is the rest less the others.
        double low = 0, high = 0;
        foreach (var (cell, sign) in cells)
        {
            var (lo, hi) = Range(cell);
            low += sign > 0 ? lo : -hi;
            high += sign > 0 ? hi : -lo;
        }

        foreach (var (cell, sign) in cells)
        {
            var (lo, hi) = Range(cell);
            var othersLow = low - (sign > 0 ? lo : -hi);
            var othersHigh = high - (sign > 0 ? hi : -lo);
            var termLow = rest - othersHigh;
            var termHigh = rest - othersLow;
            var from = Math.Max(lo, sign > 0 ? termLow : -termHigh);
            var to = Math.Min(hi, sign > 0 ? termHigh : -termLow);
            if (Math.Floor(to + 1e-9) - Math.Ceiling(from - 1e-9) < 1)
            {
                return true;
            }
        }

        return false;
    }

    private static int ChooseSecondary(Cells tree, int group)
    {
        var smallest = -1;
        var zero = -1;
        for (var c = tree.Layout.FirstChild[group]; c < tree.Layout.EndChild[group]; c++)
        {
            if (!tree.HasData[c] || tree.Reasons[c] != SuppressionReason.None)
            {
                continue;
            }

            var count = tree.Counts[c];
            if (count > 0)
            {
                if (smallest < 0 || count < tree.Counts[smallest]
                    || (count == tree.Counts[smallest] && CodeOrder(tree, c, smallest) < 0))
                {
                    smallest = c;
                }
            }
            else if (zero < 0 || CodeOrder(tree, c, zero) < 0)
            {
                zero = c;
            }
        }

        return smallest >= 0 ? smallest : zero >= 0 ? zero : group;
    }

    private static int CodeOrder(Cells tree, int a, int b) =>
        string.CompareOrdinal(tree.Layout.Areas[a].Code, tree.Layout.Areas[b].Code);

    // One call's working state, by position in the layout.
    private sealed record Cells(HierarchyLayout Layout, double[] Counts, bool[] HasData, SuppressionReason[] Reasons,
        int[] HiddenCount, int[]?[] Group);
}
