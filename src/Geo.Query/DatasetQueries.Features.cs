using System.Collections.Concurrent;
using Geo.Core.Geography;
using Geo.Core.Indicators;
using Geo.Model;
using Geo.Query.Vocabulary;
using Geo.Spatial.Projection;
using NetTopologySuite.Geometries;

namespace Geo.Query;

public sealed partial class DatasetQueries
{
    /// <summary>Features on a page when the request gives no limit.</summary>
    public const int DefaultFeatureLimit = 100;

    /// <summary>The most features on a page: a larger limit is lowered to it.</summary>
    public const int MaxFeatureLimit = 10_000;

    private static readonly Level[] FeatureLevels = [Core.Geography.Level.System, Core.Geography.Level.Icp, Core.Geography.Level.Place, Core.Geography.Level.Neighbourhood];

    private readonly ConcurrentDictionary<Level, Lazy<Envelope?[]>> _footprints = new();
    private readonly Lazy<double[]> _extent = new(() => Extent(dataset));

    /// <summary>
    /// The feature collections: one per level below the country, then one per indicator and level at or above the level
    /// its data are published by (<c>{indicator}.{level}</c>).
    /// </summary>
    public IReadOnlyList<FeatureCollectionInfo> FeatureCollections()
    {
        var collections = FeatureLevels.Select(l => LevelCollection(l)).ToList();
        foreach (var source in Dataset.Indicators)
        {
            collections.AddRange(FeatureLevels.Where(l => l <= source.DataLevel)
                .Select(l => IndicatorCollection(source, l)));
        }

        return collections;
    }

    /// <summary>One feature collection by its id (a level's name, or <c>{indicator}.{level}</c>).</summary>
    /// <exception cref="QueryException">No collection has the id (404).</exception>
    public FeatureCollectionInfo FeatureCollection(string? id)
    {
        var text = id?.Trim() ?? "";
        if (LevelNames.TryParse(text, out var level) && FeatureLevels.Contains(level))
        {
            return LevelCollection(level);
        }

        var dot = text.LastIndexOf('.');
        if (dot > 0 && LevelNames.TryParse(text[(dot + 1)..], out level) && FeatureLevels.Contains(level)
            && Dataset.Indicators.FirstOrDefault(i => string.Equals(i.Definition.Id, text[..dot], StringComparison.OrdinalIgnoreCase)) is { } source
            && level <= source.DataLevel)
        {
            return IndicatorCollection(source, level);
        }

        throw QueryException.NotFound("collectionId", "Unknown collection",
            $"No feature collection has the id '{id}'; the collections are the levels system, icp, place and neighbourhood, "
            + "and {indicator}.{level} for each indicator at or above the level it is published by, e.g. "
            + (Dataset.Indicators.Count > 0 ? $"{Dataset.Indicators[0].Definition.Id}.place." : "copd-emergency-admissions.place."));
    }

    /// <summary>
    /// A page of a collection's features in code order: those whose WGS84 boundary intersects <paramref name="bbox"/>
    /// (<see cref="BboxWords"/>; every feature when null), from <paramref name="offset"/> (0 when null), at most
    /// <paramref name="limit"/> (<see cref="DefaultFeatureLimit"/> when null, lowered to <see cref="MaxFeatureLimit"/>).
    /// An indicator's features carry their published rows for <paramref name="period"/> (the latest when null).
    /// </summary>
    /// <exception cref="QueryException">Unknown collection (404), a bad box, limit, offset or period (400).</exception>
    public FeaturePage Features(string? collection, string? period, string? bbox, int? limit, int? offset)
    {
        var info = FeatureCollection(collection);
        var boxes = BboxWords.Parse(bbox);
        if (limit is < 1)
        {
            throw QueryException.Bad("limit", $"The limit must be from 1 to {MaxFeatureLimit}, not {limit}.");
        }

        if (offset is < 0)
        {
            throw QueryException.Bad("offset", $"The offset must be 0 or more, not {offset}.");
        }

        var published = info.Indicator is null ? NoPeriod(info, period) : Indicator(info.Indicator.Id, period);
        var areas = Dataset.Geography.AtLevel(info.Level);
        var matched = boxes is null ? Enumerable.Range(0, areas.Count).ToArray() : Intersecting(info.Level, boxes);
        var take = Math.Min(limit ?? DefaultFeatureLimit, MaxFeatureLimit);
        var from = offset ?? 0;
        var features = matched.Skip(from).Take(take).Select(i => Item(areas[i], published)).ToArray();
        return new FeaturePage(info, published, features, matched.Length, from, take);
    }

    /// <summary>A collection of areas has no periods: a period asked of it is refused rather than silently ignored.</summary>
    private static PublishedIndicator? NoPeriod(FeatureCollectionInfo info, string? period) => period is null
        ? null
        : throw QueryException.Bad("period", $"Collection '{info.Id}' holds areas without an indicator, so it has no periods; "
            + $"ask an indicator's collection, e.g. '{{indicator}}.{info.Id}', for a period.");

    /// <summary>One feature of a collection by its area code.</summary>
    /// <exception cref="QueryException">Unknown collection, or no area of the collection's level has the code (404); a bad period (400).</exception>
    public FeatureItem Feature(string? collection, string? period, string? featureId)
    {
        var info = FeatureCollection(collection);
        var published = info.Indicator is null ? NoPeriod(info, period) : Indicator(info.Indicator.Id, period);
        var area = Dataset.Geography.Find(featureId?.Trim() ?? "");
        return area is not null && area.Level == info.Level
            ? Item(area, published)
            : throw QueryException.NotFound("featureId", "Unknown feature", $"Collection '{info.Id}' has no feature '{featureId}'.");
    }

    private FeatureItem Item(Area area, PublishedIndicator? published) => new(
        area,
        Dataset.Boundaries.TryGetValue(area.Code, out var boundary) ? BritishNationalGrid.ToWgs84(boundary) : null,
        published?.View.Find(area.Code));

    /// <summary>The indexes (in the level's code order) of the areas whose WGS84 boundary intersects a box: an area whose
    /// envelope lies inside a box without projecting it again, one whose envelope only crosses a box's edge by its boundary.</summary>
    private int[] Intersecting(Level level, IReadOnlyList<Envelope> boxes)
    {
        var areas = Dataset.Geography.AtLevel(level);
        var envelopes = _footprints.GetOrAdd(level, l => new Lazy<Envelope?[]>(() => Footprints(l))).Value;
        var factory = new GeometryFactory(new PrecisionModel(), 4326);
        var polygons = boxes.Select(factory.ToGeometry).ToArray();
        var matched = new List<int>();
        for (var i = 0; i < areas.Count; i++)
        {
            if (envelopes[i] is not { } envelope)
            {
                continue;
            }

            Geometry? wgs84 = null;
            for (var b = 0; b < boxes.Count; b++)
            {
                if (!boxes[b].Intersects(envelope))
                {
                    continue;
                }

                if (boxes[b].Contains(envelope)
                    || (wgs84 ??= BritishNationalGrid.ToWgs84(Dataset.Boundaries[areas[i].Code])).Intersects(polygons[b]))
                {
                    matched.Add(i);
                    break;
                }
            }
        }

        return [.. matched];
    }

    /// <summary>The WGS84 envelope of each area of a level, in code order (null without a boundary); built once per level.</summary>
    private Envelope?[] Footprints(Level level) =>
        [.. Dataset.Geography.AtLevel(level).AsParallel().AsOrdered()
            .Select(a => Dataset.Boundaries.TryGetValue(a.Code, out var b) ? BritishNationalGrid.ToWgs84(b).EnvelopeInternal : null)];

    private FeatureCollectionInfo LevelCollection(Level level)
    {
        var name = level.ToName();
        return new FeatureCollectionInfo(name, $"{Plural(level)} of {Dataset.Name}",
            $"The boundary of every {name} ({Dataset.BoundaryVintage}), with its code, name, level and parent; WGS84, converted from "
            + "British National Grid with the OSGB36 datum shift.",
            level, null, [], Dataset.Geography.AtLevel(level).Count, _extent.Value);
    }

    private FeatureCollectionInfo IndicatorCollection(IndicatorSource source, Level level)
    {
        var d = source.Definition;
        var name = level.ToName();
        return new FeatureCollectionInfo($"{d.Id}.{name}", $"{d.Name} by {name}",
            $"Every {name}'s boundary with its published row of {d.Name} ({d.Unit}): value, 95% and 99.8% limits, comparisons, "
            + $"expected, excess and funnel position, suppression applied. The latest period ({source.Periods[^1]}) unless the items "
            + $"request gives period (one of {string.Join(", ", source.Periods)}).",
            level, d, source.Periods, Dataset.Geography.AtLevel(level).Count, _extent.Value);
    }

    private static string Plural(Level level) => level switch
    {
        Core.Geography.Level.System => "Systems (ICBs)",
        Core.Geography.Level.Icp => "Integrated care partnerships",
        Core.Geography.Level.Place => "Places",
        _ => "Neighbourhoods",
    };

    private static double[] Extent(Dataset dataset)
    {
        if (!dataset.Boundaries.TryGetValue(dataset.Geography.Root.Code, out var root))
        {
            return [-180, -90, 180, 90];
        }

        var box = BritishNationalGrid.ToWgs84(root).EnvelopeInternal;
        return [box.MinX, box.MinY, box.MaxX, box.MaxY];
    }
}
