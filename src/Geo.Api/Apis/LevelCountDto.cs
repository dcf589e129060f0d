namespace Geo.Api.Apis;

/// <summary>How many areas a level has.</summary>
public sealed record LevelCountDto(string Level, int Count);
