using Geo.Core.Geography;
using Geo.Model;
using Geo.Spatial.Projection;
using NetTopologySuite.Geometries;

namespace Geo.Tiles;

/// <summary>
/// The tiles of one level of a dataset's geography from the level's first zoom (<see cref="TileSettings.MinZoom"/>):
/// one layer named after the level, one polygon feature per area with properties <c>code</c> and <c>parent</c> (below
/// the country), what the viewer filters and joins on (names and the rest come from the API), and as feature id the
/// area's index in its level's code order (stable for the dataset; viewers should still key on <c>code</c>, e.g.
/// MapLibre's <c>promoteId</c>).
/// </summary>
/// <remarks>
/// Each zoom band's simplified, projected polygons are built by <see cref="Prepare"/> (a server does every band in the
/// background at start) or else on the first request for a tile in that band, and kept (see <see cref="TileSettings"/>).
/// Thread-safe: bands are built once under <see cref="Lazy{T}"/>, then only read; each tile is cut with its own buffers.
/// </remarks>
public sealed class AreaTileSource : ITileSource
{
    /// <summary>Each thread's buffers, grown to its largest tile and reused, so that cutting big tiles does
    /// not keep allocating large arrays (each of which would bring a full collection nearer).</summary>
    [ThreadStatic]
    private static TileWorkspace? _workspace;

    private readonly Lazy<ZoomBand>[] _bands;

    public AreaTileSource(Dataset dataset, Level level, double[] bounds, int maxZoom = TileSettings.MaxZoom)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentOutOfRangeException.ThrowIfNegative(maxZoom);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxZoom, 30);
        Level = level;
        var features = new List<AreaFeature>();
        var shapes = new List<Geometry>();
        var areas = dataset.Geography.AtLevel(level);
        for (var i = 0; i < areas.Count; i++)
        {
            if (dataset.Boundaries.TryGetValue(areas[i].Code, out var boundary) && !boundary.IsEmpty)
            {
                features.Add(new AreaFeature((ulong)i, Properties(areas[i]), TileProperties(areas[i])));
                shapes.Add(boundary);
            }
        }

        _bands = Enumerable.Range(0, TileSettings.Band(maxZoom) + 1)
            .Select(band => new Lazy<ZoomBand>(() => new ZoomBand(features, shapes, TileSettings.Tolerance(band), band)))
            .ToArray();

        var fields = new Dictionary<string, string>
        {
            ["code"] = "Area code (join indicator values on this; MapLibre promoteId)",
        };
        if (level != Level.Country)
        {
            fields["parent"] = "Code of the area one level up";
        }

        MinZoom = Math.Min(TileSettings.MinZoom(level), maxZoom);
        Info = new TileSourceInfo(
            level.ToName(),
            $"{level.ToName()} boundaries of {dataset.Name} ({dataset.BoundaryVintage}). Feature id: the area's index "
                + "in its level's code order, stable for this data version; use the code property as the key. Names and "
                + "figures: /api/areas/{code} or OGC API - Features (/ogc).",
            MinZoom,
            maxZoom,
            bounds,
            fields);
    }

    public Level Level { get; }

    /// <summary>The first zoom this level's tiles are cut at; below it a tile is empty and no band is built.</summary>
    public int MinZoom { get; }

    /// <summary>True once every zoom band from <see cref="MinZoom"/> up is built: no tile waits for simplification.</summary>
    public bool IsPrepared => _bands.Skip(TileSettings.Band(MinZoom)).All(b => b.IsValueCreated);

    public TileSourceInfo Info { get; }

    /// <summary>Builds the polygons of the band that serves zoom <paramref name="z"/> now, if not built yet
    /// (to warm a server, or to time it apart from tile cutting).</summary>
    public void Prepare(int z)
    {
        if (z >= MinZoom)
        {
            _ = Band(z);
        }
    }

    /// <summary>The number of zoom bands: band b serves zoom b, the last band every zoom from its own up.</summary>
    public int BandCount => _bands.Length;

    /// <summary>
    /// The features tiles of <paramref name="band"/> can show, exactly as this source encodes them (simplified,
    /// Web Mercator, areas below a quarter pixel at the band's first zoom left out), in id order; none for a band below
    /// <see cref="MinZoom"/>, whose tiles are empty.
    /// </summary>
    public IEnumerable<TileFeature> BandFeatures(int band)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(band);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(band, _bands.Length);
        if (band < TileSettings.Band(MinZoom))
        {
            yield break;
        }

        var factory = new GeometryFactory(new PrecisionModel(), 3857);
        foreach (var area in _bands[band].Value.Indexed)
        {
            yield return new TileFeature(area.Feature.Id, area.Feature.Properties, ToGeometry(area, factory));
        }
    }

    public byte[] GetTile(TileCoordinate tile, CancellationToken cancellation = default)
    {
        if (!tile.IsInGrid || tile.Z > Info.MaxZoom)
        {
            throw new ArgumentOutOfRangeException(nameof(tile), tile, $"Tile {tile} is outside zooms 0-{Info.MaxZoom} or the grid.");
        }

        if (tile.Z < MinZoom)
        {
            return [];
        }

        var work = _workspace ??= new TileWorkspace();
        var hits = work.Hits;
        Query(tile, hits);

        var encoder = work.Encoder;
        encoder.SetTile(tile);
        var layer = work.Layer;
        layer.Reset(Info.Id, TileSettings.Extent);
        foreach (var area in hits)
        {
            cancellation.ThrowIfCancellationRequested();
            var commands = encoder.Encode(area);
            if (!commands.IsEmpty)
            {
                layer.AddPolygon(area.Feature.Id, area.Feature.TileProperties, commands);
            }
        }

        var bytes = layer.ToTile();
        hits.Clear();
        return bytes;
    }

    /// <summary>
    /// Each feature of <paramref name="tile"/> with its geometry clipped, rounded and encoded as MVT commands, exactly as
    /// <see cref="GetTile"/> writes it: what the encoder benchmark hands to both encoders, so that only encoding differs.
    /// </summary>
    internal List<(AreaFeature Feature, uint[] Commands)> Commands(TileCoordinate tile)
    {
        var hits = new List<PreparedArea>();
        if (tile.Z >= MinZoom)
        {
            Query(tile, hits);
        }

        var encoder = new PolygonEncoder();
        encoder.SetTile(tile);
        var features = new List<(AreaFeature, uint[])>();
        foreach (var area in hits)
        {
            var commands = encoder.Encode(area);
            if (!commands.IsEmpty)
            {
                features.Add((area.Feature, commands.ToArray()));
            }
        }

        return features;
    }

    /// <summary>The WGS84 [west, south, east, north] bounds of a British National Grid geometry.</summary>
    public static double[] Wgs84Bounds(Geometry bng)
    {
        ArgumentNullException.ThrowIfNull(bng);
        var envelope = BritishNationalGrid.ToWgs84(bng).EnvelopeInternal;
        return [envelope.MinX, envelope.MinY, envelope.MaxX, envelope.MaxY];
    }

    /// <summary>Rebuilds the polygons from the prepared rings: each shell followed by its holes.</summary>
    private static Geometry ToGeometry(PreparedArea area, GeometryFactory factory)
    {
        var polygons = new List<Polygon>();
        for (var r = 0; r < area.Rings.Length;)
        {
            var shell = Ring(area.Rings[r++], factory);
            var holes = new List<LinearRing>();
            while (r < area.Rings.Length && !area.IsShell[r])
            {
                holes.Add(Ring(area.Rings[r++], factory));
            }

            polygons.Add(factory.CreatePolygon(shell, [.. holes]));
        }

        return polygons.Count == 1 ? polygons[0] : factory.CreateMultiPolygon([.. polygons]);
    }

    private static LinearRing Ring(double[] xy, GeometryFactory factory)
    {
        var coordinates = new Coordinate[xy.Length / 2];
        for (var i = 0; i < coordinates.Length; i++)
        {
            coordinates[i] = new Coordinate(xy[2 * i], xy[(2 * i) + 1]);
        }

        return factory.CreateLinearRing(coordinates);
    }

    /// <summary>The areas of the tile's band whose envelope meets the tile grown by its buffer, in id order.</summary>
    private void Query(TileCoordinate tile, List<PreparedArea> hits)
    {
        var margin = tile.Size * TileSettings.Buffer / TileSettings.Extent;
        var minX = tile.MinX;
        var maxY = tile.MaxY;
        Band(tile.Z).Query(new Envelope(minX - margin, minX + tile.Size + margin, maxY - tile.Size - margin, maxY + margin), hits);
    }

    private ZoomBand Band(int z) => _bands[TileSettings.Band(Math.Min(z, Info.MaxZoom))].Value;

    private static List<KeyValuePair<string, object>> TileProperties(Area area) => area.ParentCode is null
        ? [new("code", area.Code)]
        : [new("code", area.Code), new("parent", area.ParentCode)];

    private static List<KeyValuePair<string, object>> Properties(Area area)
    {
        var properties = new List<KeyValuePair<string, object>> { new("code", area.Code), new("name", area.Name) };
        if (area.ParentCode is not null)
        {
            properties.Add(new("parent", area.ParentCode));
        }

        if (area.Level == Level.Place)
        {
            properties.Add(new("partial", area.IsPartial));
        }

        return properties;
    }
}
