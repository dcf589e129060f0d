namespace Geo.Tiles;

/// <summary>
/// What is known about one area besides its shape: the feature id (the area's index in its level's code order, stable
/// for a dataset), every property a store keeps (<see cref="Properties"/>: code, name, and parent and partial where the
/// level has them) and the few a tile carries (<see cref="TileProperties"/>: code, and parent below the country, what the
/// viewer filters and joins on). Immutable; thread-safe.
/// </summary>
internal sealed record AreaFeature(
    ulong Id, IReadOnlyList<KeyValuePair<string, object>> Properties, IReadOnlyList<KeyValuePair<string, object>> TileProperties);
