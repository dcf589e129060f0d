namespace Geo.Core.Tests.Indicators.Suppression;

public class DifferencingAttackTests
{
    // P = X + Y and X = Y + Z with P = 10 and Z = 2 shown: each equation has two unknowns, so
    // subtraction is stuck, but together they give X = 6 and Y = 4. (A hierarchy never shares two
    // unknowns between equations like this; the point is that the algebra attack is the stronger one.)
    [Fact]
    public void ByLinearAlgebra_TwoEquationsTwoUnknowns_SolvesWhatSubtractionCannot()
    {
        List<(string, string[])> equations = [("P", ["X", "Y"]), ("X", ["Y", "Z"])];
        var published = new Dictionary<string, double> { ["P"] = 10, ["Z"] = 2 };

        Assert.Empty(DifferencingAttack.BySubtraction(equations, published));
        Assert.Equal(new Dictionary<string, double> { ["X"] = 6, ["Y"] = 4 },
            DifferencingAttack.ByLinearAlgebra(equations, published));
    }

    [Fact]
    public void BySubtraction_Chain_PropagatesRecoveredValues()
    {
        // A = B + C, B = D + E: C shown and A shown give B, then D shown gives E.
        List<(string, string[])> equations = [("A", ["B", "C"]), ("B", ["D", "E"])];
        var published = new Dictionary<string, double> { ["A"] = 30, ["C"] = 12, ["D"] = 11 };

        var recovered = DifferencingAttack.BySubtraction(equations, published);

        Assert.Equal(new Dictionary<string, double> { ["B"] = 18, ["E"] = 7 }, recovered);
        Assert.Equal(recovered, DifferencingAttack.ByLinearAlgebra(equations, published));
    }

    [Fact]
    public void ByLinearAlgebra_TwoHiddenInEveryEquation_RecoversNothing()
    {
        List<(string, string[])> equations = [("A", ["B", "C", "F"]), ("B", ["D", "E"])];
        var published = new Dictionary<string, double> { ["A"] = 30, ["F"] = 12, ["E"] = 11 };

        Assert.Empty(DifferencingAttack.BySubtraction(equations, published));
        Assert.Empty(DifferencingAttack.ByLinearAlgebra(equations, published));
    }
}
