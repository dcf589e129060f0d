namespace Geo.Tiles;

/// <summary>
/// What a tile says about one area besides its shape: the feature id (the area's index in its level's
/// code order, stable for a dataset) and the properties. Immutable; thread-safe.
/// </summary>
internal sealed record AreaFeature(ulong Id, IReadOnlyList<KeyValuePair<string, object>> Properties);
