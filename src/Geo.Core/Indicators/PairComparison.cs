namespace Geo.Core.Indicators;

/// <summary>
/// Whether two areas' (or groups') values differ significantly, from <see cref="PairSignificance"/>
/// (docs/methods.md, "Comparing two areas"). The figures are null unless <see cref="Status"/> is
/// <see cref="PairStatus.Compared"/>; <see cref="Reason"/> is null when it is. Immutable.
/// </summary>
/// <param name="A">Code (or label) of the first.</param>
/// <param name="B">Code (or label) of the second.</param>
/// <param name="Difference">Value of A minus value of B.</param>
/// <param name="StandardError">√(se_A² + se_B²), each se from its own 95% interval.</param>
/// <param name="Z">|difference| / standard error; null when the standard error is 0.</param>
/// <param name="Significant95">|difference| &gt; 1.959964 × standard error.</param>
/// <param name="Significant998">|difference| &gt; 3.090232 × standard error.</param>
/// <param name="Reason">Why the pair is not compared, in words, when it is not.</param>
public sealed record PairComparison(
    string A,
    string B,
    PairStatus Status,
    double? Difference,
    double? StandardError,
    double? Z,
    bool? Significant95,
    bool? Significant998,
    string? Reason);
