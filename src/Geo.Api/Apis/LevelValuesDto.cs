using Geo.Data.Export;

namespace Geo.Api.Apis;

/// <summary>The published values of every area of a level, ascending, for a national distribution.</summary>
/// <param name="Level">system, icp, place or neighbourhood.</param>
/// <param name="Areas">Every area of the level, with or without a value.</param>
/// <param name="Values">The values that are published (not suppressed, defined), ascending.</param>
public sealed record LevelValuesDto(ExportMetadata Metadata, string Level, int Areas, IReadOnlyList<double> Values);
