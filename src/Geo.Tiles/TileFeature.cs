using NetTopologySuite.Geometries;

namespace Geo.Tiles;

/// <summary>
/// One area as a zoom band's tiles draw it: its feature id and properties, and its polygon simplified for the
/// band, in Web Mercator metres. What a tile store outside this process (PostGIS) needs to cut the same tiles.
/// </summary>
/// <param name="Id">The feature id (the area's index in its level's code order).</param>
/// <param name="Properties">code, name, and parent and partial where the level has them: what a store keeps (a tile
/// carries only code and parent).</param>
/// <param name="Mercator">The band's polygon (Polygon or MultiPolygon, EPSG:3857).</param>
public sealed record TileFeature(ulong Id, IReadOnlyList<KeyValuePair<string, object>> Properties, Geometry Mercator);
