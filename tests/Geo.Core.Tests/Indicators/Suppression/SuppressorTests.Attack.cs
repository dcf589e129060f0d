using Geo.Core.Indicators.Suppression;

namespace Geo.Core.Tests.Indicators.Suppression;

// The differencing attack, run over many random trees: whatever is hidden must stay unknown to someone
// who sees every visible count and works through every parent = Σ children equation.
public partial class SuppressorTests
{
    private const int Trees = 3000;

    private static readonly SuppressionPolicy[] Policies = [SuppressionPolicy.Default, new(1, 4), new(0, 2)];

    [Fact]
    public void Apply_RandomTrees_EveryEquationHasNoneOrAtLeastTwoHiddenCells()
    {
        for (var seed = 0; seed < Trees; seed++)
        {
            var tree = RandomTree.Small(seed);
            var result = Suppressor.Apply(tree.Geography, tree.Counts, Policies[seed % Policies.Length]);

            foreach (var (parent, children) in DifferencingAttack.Equations(tree.Geography, tree.WithData))
            {
                var hidden = children.Prepend(parent).Count(result.IsHidden);
                Assert.True(hidden != 1, $"seed {seed}: the equation of {parent} has one hidden cell.");
            }

            Assert.All(result.Hidden.Keys, code => Assert.True(tree.Counts.ContainsKey(code), $"seed {seed}: {code} has no data."));
            Assert.All(tree.Counts, c => Assert.Equal(Policies[seed % Policies.Length].IsPrimary(c.Value),
                result.ReasonFor(c.Key) == SuppressionReason.Primary));
        }
    }

    [Fact]
    public void Apply_RandomTrees_DifferencingAttackRecoversNothing()
    {
        var (primary, secondary, cells, unknowns) = (0, 0, 0, 0);
        for (var seed = 0; seed < Trees; seed++)
        {
            var tree = RandomTree.Small(seed);
            var result = Suppressor.Apply(tree.Geography, tree.Counts, Policies[seed % Policies.Length]);
            var equations = DifferencingAttack.Equations(tree.Geography, tree.WithData);
            var published = DifferencingAttack.Published(tree.Counts, result.IsHidden);

            var bySubtraction = DifferencingAttack.BySubtraction(equations, published);
            var byAlgebra = DifferencingAttack.ByLinearAlgebra(equations, published);

            Assert.True(bySubtraction.Count == 0, $"seed {seed}: subtraction recovers {string.Join(", ", bySubtraction.Keys)}.");
            Assert.True(byAlgebra.Count == 0, $"seed {seed}: linear algebra recovers {string.Join(", ", byAlgebra.Keys)}.");
            primary += result.PrimaryCount;
            secondary += result.SecondaryCount;
            cells += tree.Counts.Count;
            unknowns += equations.SelectMany(e => e.Children.Prepend(e.Parent)).Distinct().Count(result.IsHidden);
        }

        output.WriteLine($"{Trees} random trees, {cells} counts: {primary} primary and {secondary} secondary suppressions "
            + $"({(double)secondary / primary:0.00} per primary); {unknowns} hidden cells in equations; 0 recovered.");

        // Each secondary hide is forced by an equation with exactly one hidden cell; cascades are short
        // (at most the depth of the tree each way), so they stay well below one per primary.
        Assert.True(secondary < primary, $"{secondary} secondary suppressions for {primary} primary.");
    }

    [Fact]
    public void Apply_RandomTreesWithoutSecondarySuppression_DifferencingAttackRecoversCounts()
    {
        var (primary, bySubtractionTotal, byAlgebraTotal, treesBroken) = (0, 0, 0, 0);
        for (var seed = 0; seed < Trees; seed++)
        {
            var tree = RandomTree.Small(seed);
            var result = Suppressor.Apply(tree.Geography, tree.Counts, Policies[seed % Policies.Length]);
            var equations = DifferencingAttack.Equations(tree.Geography, tree.WithData);
            var published = DifferencingAttack.Published(tree.Counts,
                code => result.ReasonFor(code) == SuppressionReason.Primary);

            var bySubtraction = DifferencingAttack.BySubtraction(equations, published);
            var byAlgebra = DifferencingAttack.ByLinearAlgebra(equations, published);

            // The attack is right when it succeeds, and linear algebra finds at least what subtraction does.
            Assert.All(bySubtraction, r => Assert.Equal(tree.Counts[r.Key], r.Value, 9));
            Assert.All(byAlgebra, r => Assert.Equal(tree.Counts[r.Key], r.Value, 9));
            Assert.Subset(byAlgebra.Keys.ToHashSet(), bySubtraction.Keys.ToHashSet());
            primary += result.PrimaryCount;
            bySubtractionTotal += bySubtraction.Count;
            byAlgebraTotal += byAlgebra.Count;
            treesBroken += byAlgebra.Count > 0 ? 1 : 0;
        }

        output.WriteLine($"Primary suppression only, {Trees} random trees, {primary} hidden cells: subtraction recovers "
            + $"{bySubtractionTotal}, linear algebra {byAlgebraTotal}, in {treesBroken} trees.");
        Assert.True(treesBroken > Trees / 2, $"the attack breaks only {treesBroken} of {Trees} trees.");
    }

    [Theory]
    [InlineData(1, 0.02)]
    [InlineData(2, 0.2)]
    [InlineData(3, 15)]
    [InlineData(4, 40)]
    public void Apply_EnglandShapedTree_DifferencingAttackRecoversNothing(int seed, double mean)
    {
        // Rare events (mostly zeros) or common ones (mostly over 7): between the two nearly every place
        // has two small neighbourhoods already and there is little left to test.
        var tree = RandomTree.EnglandShaped(seed, mean);
        var result = Suppressor.Apply(tree.Geography, tree.Counts, SuppressionPolicy.Default);
        var equations = DifferencingAttack.Equations(tree.Geography, tree.WithData);

        var published = DifferencingAttack.Published(tree.Counts, result.IsHidden);
        var bySubtraction = DifferencingAttack.BySubtraction(equations, published);
        var byAlgebra = DifferencingAttack.ByLinearAlgebra(equations, published);
        var primaryOnly = DifferencingAttack.Published(tree.Counts, c => result.ReasonFor(c) == SuppressionReason.Primary);
        var withoutSecondary = DifferencingAttack.ByLinearAlgebra(equations, primaryOnly);

        output.WriteLine($"England-shaped tree, mean {mean}: {tree.Counts.Count} counts, {result.PrimaryCount} primary, "
            + $"{result.SecondaryCount} secondary; recovered {bySubtraction.Count} by subtraction, {byAlgebra.Count} by "
            + $"linear algebra; {withoutSecondary.Count} without secondary suppression.");
        Assert.Empty(bySubtraction);
        Assert.Empty(byAlgebra);
        Assert.NotEmpty(withoutSecondary);
        Assert.True(result.SecondaryCount < result.PrimaryCount + tree.Counts.Count / 100);
    }
}
