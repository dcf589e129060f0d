namespace Geo.Data.Indicators;

/// <summary>One thing wrong with an indicator file: where (line and column, when it is about one) and what.</summary>
/// <param name="Line">The 1-based line of the file (the header is line 1), or null for the file as a whole.</param>
/// <param name="Field">The column (or option) at fault, or null.</param>
/// <param name="Message">What is wrong and what would be right, in the reader's words.</param>
public sealed record IndicatorProblem(long? Line, string? Field, string Message);
