using Geo.Core.Geography;
using Geo.Core.Indicators.Suppression;
using Geo.Demo;
using Geo.Data.Loading;
using Geo.Model;
using Geo.Tests;

namespace Geo.Data.Tests.Indicators;

public class PublishedIndicatorTests
{
    private static readonly Lazy<Dataset> Demo = new(() => DatasetLoader.Build(DemoDataset.Generate().Source));

    [Fact]
    public void Publish_DemoCopdEveryPeriod_NoSuppressedCountIsRecoveredBySubtraction()
    {
        var dataset = Demo.Value;
        var engine = dataset.Indicator("copd-emergency-admissions");
        foreach (var period in engine.Periods)
        {
            var truth = engine.Compute(period).ToDictionary(r => r.Area.Code, r => r.Count);
            var view = engine.Publish(period);
            var known = view.Rows.Where(r => r.Count is not null).ToDictionary(r => r.Area.Code, r => r.Count!.Value);
            var hidden = view.Rows.Count(r => r.Suppression != SuppressionReason.None);
            Assert.True(view.Rows.Count(r => r.Suppression == SuppressionReason.Primary) > 100, "the demo should have many small counts");

            // The attacker: in every parent = sum-of-children equation with one unknown, solve it; repeat.
            for (var changed = true; changed;)
            {
                changed = false;
                foreach (var parent in dataset.Geography.Areas.Where(a => a.ChildCodes.Count > 0))
                {
                    var cells = parent.ChildCodes.Prepend(parent.Code).ToArray();
                    var unknown = cells.Where(c => !known.ContainsKey(c)).ToArray();
                    if (unknown.Length != 1)
                    {
                        continue;
                    }

                    var children = parent.ChildCodes.Where(known.ContainsKey).Sum(c => known[c]);
                    known[unknown[0]] = unknown[0] == parent.Code ? children : known[parent.Code] - children;
                    changed = true;
                }
            }

            var recovered = view.Rows.Where(r => r.Suppression != SuppressionReason.None && known.ContainsKey(r.Area.Code)).ToArray();
            if (recovered.Length > 0)
            {
                Assert.Fail($"{period}: {recovered.Length} of {hidden} suppressed counts recovered, e.g. {recovered[0].Area.Code} = {truth[recovered[0].Area.Code]}");
            }
        }
    }

    [Fact]
    public void Compute_DemoCopd_ChildrenSumToTheirParentAtEveryLevelAndPeriod()
    {
        var dataset = Demo.Value;
        var engine = dataset.Indicator("copd-emergency-admissions");
        foreach (var period in engine.Periods)
        {
            var rows = engine.Compute(period).ToDictionary(r => r.Area.Code);
            foreach (var parent in dataset.Geography.Areas.Where(a => a.ChildCodes.Count > 0))
            {
                Assert.Equal(rows[parent.Code].Count!.Value, parent.ChildCodes.Sum(c => rows[c].Count!.Value), 9);
                Assert.Equal(rows[parent.Code].Denominator!.Value, parent.ChildCodes.Sum(c => rows[c].Denominator!.Value), 6);
            }

            // published in pools of five years: each year's population counted once a year
            Assert.Equal(DemoDataset.CopdPool * dataset.Population.Values.Sum(p => p.Sum()), rows[dataset.Geography.Root.Code].Denominator!.Value, 6);
        }
    }

    [Fact]
    public void Publish_DemoCopdPlaces_AreMostlyShownWithDsrAndIntervals()
    {
        var engine = Demo.Value.Indicator("copd-emergency-admissions");
        var view = engine.Publish(engine.LatestPeriod);

        var places = view.AtLevel(Level.Place).ToArray();
        Assert.All(places, p => Assert.NotNull(p.Value));
        Assert.All(places, p => Assert.True(p.Lower95 < p.Value && p.Value < p.Upper95));
        Assert.All(places, p => Assert.True(p.Lower998 < p.Lower95 && p.Upper95 < p.Upper998));
        Assert.Contains(places, p => p.JudgementVsEngland == Core.Statistics.Judgement.Worse);
        Assert.Contains(places, p => p.JudgementVsEngland == Core.Statistics.Judgement.Better);
    }

    [EnglandFact]
    public void Publish_England_EveryIndicatorPeriodAndLevelHasRowsForEveryArea()
    {
        var dataset = DatasetLoader.Load(Path.Combine(SharedData.RepositoryRoot, "data", "england.dataset.json"), SharedData.EnglandDirectory);

        Assert.True(dataset.Indicators.Count >= 5);
        foreach (var source in dataset.Indicators)
        {
            var engine = dataset.Indicator(source.Definition.Id);
            foreach (var period in engine.Periods)
            {
                var view = engine.Publish(period);
                foreach (var level in new[] { Level.System, Level.Icp, Level.Place, Level.Neighbourhood })
                {
                    Assert.Equal(dataset.Geography.AtLevel(level).Count, view.AtLevel(level).Count());
                }

                var england = view.Get(dataset.Geography.Root.Code);
                Assert.NotNull(england.Value);
                Assert.True(england.Coverage > 0.9, $"{source.Definition.Id}: coverage {england.Coverage}");
            }
        }
    }

    [EnglandFact]
    public void Publish_EnglandImdScore_IsThePopulationWeightedMeanOfTheNeighbourhoods()
    {
        var dataset = DatasetLoader.Load(Path.Combine(SharedData.RepositoryRoot, "data", "england.dataset.json"), SharedData.EnglandDirectory);
        var view = dataset.Indicator("imd-score").Publish("2025");

        // A second method: straight from the deprivation file's scores and the Census populations.
        var middlesbrough = dataset.Geography.Neighbourhoods(dataset.Geography.Get("E06000002")).ToArray();
        var weighted = middlesbrough.Sum(n => dataset.Deprivation[n.Code].Score!.Value * dataset.Population[n.Code].Sum());
        var people = middlesbrough.Sum(n => dataset.Population[n.Code].Sum());

        Assert.Equal(weighted / people, view.Get("E06000002").Value!.Value, 9);
    }
}
