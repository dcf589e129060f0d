namespace Geo.Core.Sources;

/// <summary>One row of an ICP file: the district <paramref name="PlaceCode"/>, within
/// <paramref name="SystemCode"/>, belongs to the ICP.</summary>
public sealed record IcpRecord(string SystemCode, string IcpCode, string IcpName, string PlaceCode, long Line);
