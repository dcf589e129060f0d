namespace Geo.Core.Reports;

/// <summary>A code in one file that has no partner where it should have one.</summary>
/// <param name="Code">The code as it appears in <paramref name="File"/>.</param>
/// <param name="File">The file holding the orphan.</param>
/// <param name="Problem">What is missing, e.g. "not in the boundary file".</param>
public sealed record UnmatchedCode(string Code, string File, string Problem);
