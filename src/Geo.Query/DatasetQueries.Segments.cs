using Geo.Core.Geography;
using Geo.Core.Indicators;
using Geo.Core.Indicators.Suppression;
using Geo.Core.Segmentation;
using Geo.Query.Vocabulary;

namespace Geo.Query;

public sealed partial class DatasetQueries
{
    /// <summary>
    /// The neighbourhoods of area <paramref name="code"/> (every neighbourhood for the country) clustered by k-means on the
    /// z-scores of <paramref name="indicators"/> (ids separated by commas, each at its latest period), into
    /// <paramref name="k"/> clusters or the silhouette's choice (<see cref="SegmentWords.K"/>), seeded by
    /// <paramref name="seed"/> (<see cref="SegmentWords.DefaultSeed"/> when none). Only neighbourhoods with a published value
    /// of every indicator are clustered; the others are left out and counted. Fewer than two different indicators, one not
    /// published by neighbourhood, or too few neighbourhoods or profiles for k give an answer with no clusters and a reason
    /// naming the parameter to change.
    /// </summary>
    /// <exception cref="QueryException">No indicators or too many, an unknown indicator or area, or a k that is not 2 to 8 or auto.</exception>
    public SegmentAnswer Segments(string? indicators, string? k, int? seed, string? code)
    {
        var example = string.Join(',', Dataset.Indicators.Take(2).Select(i => i.Definition.Id));
        var ids = SegmentWords.Indicators(indicators, example.Length > 0 ? example : "a,b");
        var clusters = SegmentWords.K(k);
        var chosenSeed = seed ?? SegmentWords.DefaultSeed;
        var published = ids.Select(id => Side(id, null, "indicators", "period")).ToArray();
        var area = Area(code);
        var neighbourhoods = area.Level == Core.Geography.Level.Neighbourhood
            ? [area]
            : area == Dataset.Geography.Root
                ? Dataset.Geography.AtLevel(Core.Geography.Level.Neighbourhood).ToArray()
                : published[0].View.AtLevel(Core.Geography.Level.Neighbourhood, area.Code).Select(r => r.Area).ToArray();
        var unusable = WhyNoSegments(published);
        if (unusable is not null)
        {
            return new SegmentAnswer(published, area, neighbourhoods.Length, 0, 0, [], Fail(unusable), chosenSeed, unusable);
        }

        var suppressed = 0;
        var noValue = 0;
        var kept = new List<(Area Area, double[] Values)>(neighbourhoods.Length);
        foreach (var n in neighbourhoods.OrderBy(a => a.Code, StringComparer.Ordinal))
        {
            var rows = published.Select(p => p.View.Get(n.Code)).ToArray();
            if (rows.Any(r => r.Suppression != SuppressionReason.None))
            {
                suppressed++;
                continue;
            }

            var values = rows.Select(r => IndicatorColumns.Published(r.Value)).ToArray();
            if (values.Any(v => v is null))
            {
                noValue++;
                continue;
            }

            kept.Add((n, [.. values.Select(v => v!.Value)]));
        }

        var columns = Enumerable.Range(0, published.Length).Select(j => kept.Select(m => m.Values[j]).ToArray()).ToArray();
        var result = AreaSegmentation.Segment(columns, [.. published.Select(p => p.Definition.Id)], clusters, chosenSeed);
        var left = suppressed + noValue == 0 ? "" : $" ({suppressed} suppressed and {noValue} without a value of every indicator were left out)";
        var reason = result.Reason is { } why
            ? $"{why} {kept.Count} of the {neighbourhoods.Length} neighbourhoods of {area.Code} have a published value of every indicator{left}."
            : null;
        var members = result.Reason is null
            ? kept.Select((m, i) => new SegmentMember(m.Area, m.Values, result.Clusters[i])).ToArray()
            : [];
        return new SegmentAnswer(published, area, neighbourhoods.Length, suppressed, noValue, members, result with { Reason = reason }, chosenSeed, reason);
    }

    private static SegmentationResult Fail(string reason) => new(null, false, [], [], [], null, 0, [], null, reason);

    /// <summary>Why the indicators cannot segment neighbourhoods, naming the parameter to change; null when they can.</summary>
    private static string? WhyNoSegments(IReadOnlyList<PublishedIndicator> published)
    {
        var twice = published.GroupBy(p => p.Definition.Id, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null)
        {
            return $"indicators: '{twice.Key}' is given twice; a profile needs different indicators (the same one twice only weighs it double).";
        }

        if (published.Count < 2)
        {
            return $"indicators: only '{published[0].Definition.Id}' is given; clusters of profiles need at least two indicators "
                + "(on one, order the neighbourhoods by it instead).";
        }

        var above = published.FirstOrDefault(p => p.Engine.Source.DataLevel != Core.Geography.Level.Neighbourhood);
        return above is null
            ? null
            : $"indicators: '{above.Definition.Id}' is published by {above.Engine.Source.DataLevel.ToName()}, so neighbourhoods have no "
                + "values of their own to cluster on; leave it out.";
    }
}
