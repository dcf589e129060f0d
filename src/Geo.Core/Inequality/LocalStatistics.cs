using Geo.Core.Statistics;

namespace Geo.Core.Inequality;

/// <summary>Checks and helpers shared by the local spatial statistics.</summary>
internal static class LocalStatistics
{
    public static double[] CheckedValues(IReadOnlyList<double> values, ContiguityGraph graph)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(graph);
        if (values.Count != graph.Count)
        {
            throw new ArgumentException($"There are {values.Count} values for {graph.Count} areas.", nameof(values));
        }

        if (values.Count < 3)
        {
            throw new ArgumentException("Local statistics need at least three areas.", nameof(values));
        }

        var x = new double[values.Count];
        for (var i = 0; i < x.Length; i++)
        {
            x[i] = values[i];
            if (!double.IsFinite(x[i]))
            {
                throw new ArgumentException($"Area {i} has value {x[i]}; leave areas without a value out of the graph.", nameof(values));
            }
        }

        return x;
    }

    /// <summary>2(1 − Φ(|z|)), kept precise in the tail; 1 for an undefined z.</summary>
    public static double TwoSidedP(double z) =>
        double.IsNaN(z) ? 1 : Math.Min(1, 2 * NormalDistribution.UpperTail(Math.Abs(z)));
}
