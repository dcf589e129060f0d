using Geo.Core.Indicators;

namespace Geo.Api.Apis;

/// <summary>Whether two areas' values differ significantly (docs/methods.md, "Comparing two areas").</summary>
/// <param name="Status">compared, "not compared (nested)" when one area lies inside the other, or "not compared".</param>
/// <param name="Difference">Value of A minus value of B.</param>
/// <param name="StandardError">√(se_A² + se_B²), each se from the area's 95% interval.</param>
/// <param name="Z">|difference| / standard error.</param>
/// <param name="Significant95">|difference| &gt; 1.959964 × standard error.</param>
/// <param name="Significant998">|difference| &gt; 3.090232 × standard error.</param>
/// <param name="Reason">Why the pair is not compared, when it is not.</param>
public sealed record ComparePairDto(
    string A,
    string B,
    string Status,
    double? Difference,
    double? StandardError,
    double? Z,
    bool? Significant95,
    bool? Significant998,
    string? Reason)
{
    public static ComparePairDto From(PairComparison p) => new(p.A, p.B, p.Status switch
    {
        PairStatus.Compared => "compared",
        PairStatus.Nested => "not compared (nested)",
        _ => "not compared",
    }, p.Difference, p.StandardError, p.Z, p.Significant95, p.Significant998, p.Reason);
}
