using System.Diagnostics;
using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace Geo.Api.Tests.Disclosure;

/// <summary>
/// The same attack on England's neighbourhood indicators with counts (skipped without ../shared/data/england): every
/// level, children in three formats, compare, hotspots, classes and inequality profiles of every area; catchments of both
/// methods at a few thresholds, only those touching a place with a hidden neighbourhood (a catchment without a hidden
/// member adds no equation over hidden counts).
/// </summary>
[Collection(EnglandCollection.Name)]
public sealed class EnglandDisclosureAttackTests(EnglandApiFactory england, ITestOutputHelper output)
{
    [EnglandAttackFact]
    public async Task England_NeighbourhoodIndicators_RecoverNoSuppressedCount()
    {
        var watch = Stopwatch.StartNew();
        var client = england.Factory.CreateClient();
        var deprivation = england.Dataset.Deprivation.ToDictionary(d => d.Key, d => (d.Value.Decile, d.Value.Score), StringComparer.OrdinalIgnoreCase);
        var indicators = JsonNode.Parse(await client.GetStringAsync("/api/indicators"))!.AsArray()
            .Where(i => (string)i!["dataLevel"]! == "neighbourhood" && (string)i["valueType"]! != "score")
            .Select(i => (string)i!["id"]!).ToArray();
        var leaks = new List<string>();
        foreach (var id in indicators)
        {
            var engine = england.Dataset.Indicator(id);
            var hiddenPlaces = engine.Publish(engine.LatestPeriod).Rows
                .Where(r => r.Area.Level == Core.Geography.Level.Neighbourhood && r.Suppression != Core.Indicators.Suppression.SuppressionReason.None)
                .Select(r => r.Area.ParentCode!).Distinct(StringComparer.Ordinal).ToArray();
            // Counts attributed from GP practices or mapped from 2011 areas need not be whole: pinned then means narrower than 1.
            var system = new SumsSystem(wholeCounts: false);
            var observatory = new Observatory(client, id, deprivation);
            await observatory.Gather(system, null, "", singleRows: false, [0.05, 0.3, 0.5, 1], hiddenPlaces);
            leaks.AddRange(observatory.Leaks.Select(l => id + ": " + l));
            var result = system.Attack();
            output.WriteLine($"{id}: {result.Summary}; catchments shown {observatory.Catchments.Shown}, hidden {observatory.Catchments.Hidden}; "
                + $"inequality groups shown {observatory.Groups.Shown}, hidden {observatory.Groups.Hidden}; {watch.Elapsed.TotalSeconds:0} s");
            Assert.True(result.Clean, id + ": " + result.Summary);
        }

        Assert.True(leaks.Count == 0, string.Join("\n", leaks.Take(30)));
    }
}
