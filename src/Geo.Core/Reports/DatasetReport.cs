namespace Geo.Core.Reports;

/// <summary>What loading a dataset found and did. Filled while loading, read-only afterwards.</summary>
public sealed class DatasetReport
{
    public List<GeometryRepair> Repairs { get; } = [];

    public List<CoverageProblem> CoverageProblems { get; } = [];

    public List<UnmatchedCode> UnmatchedCodes { get; } = [];

    /// <summary>Other facts worth telling, e.g. which systems were given a single ICP.</summary>
    public List<string> Notes { get; } = [];
}
