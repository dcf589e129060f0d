namespace Geo.Core.Sources;

/// <summary>A neighbourhood's national deprivation decile (1 = most deprived) and score.</summary>
public sealed record DeprivationRecord(string Neighbourhood, int Decile, double? Score, long Line);
