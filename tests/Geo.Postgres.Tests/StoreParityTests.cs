using System.Text.Json;
using System.Text.Json.Serialization;
using Geo.Core.Geography;
using Geo.Model;

namespace Geo.Postgres.Tests;

/// <summary>The demo written by <c>geo load</c> and read back answers exactly as the dataset built from files.</summary>
[Trait("Category", "Database")]
public class StoreParityTests(DemoStore demo) : IClassFixture<DemoStore>
{
    private static readonly JsonSerializerOptions Json = new()
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter() },
    };

    [DatabaseFact]
    public void Areas_RoundTripWithTheirChildrenInOrder()
    {
        var memory = demo.Memory.Geography;
        var stored = demo.Stored.Geography;
        Assert.Equal(memory.Count, stored.Count);
        Assert.Equal(memory.Root.Code, stored.Root.Code);
        foreach (var area in memory.Areas)
        {
            Assert.Equal(JsonSerializer.Serialize(area, Json), JsonSerializer.Serialize(stored.Get(area.Code), Json));
        }
    }

    [DatabaseFact]
    public void Boundaries_RoundTripCoordinateForCoordinate()
    {
        Assert.Equal(demo.Memory.Boundaries.Count, demo.Stored.Boundaries.Count);
        foreach (var (code, boundary) in demo.Memory.Boundaries)
        {
            var stored = demo.Stored.Boundaries[code];
            Assert.Equal(boundary.GeometryType, stored.GeometryType);
            Assert.True(boundary.EqualsExact(stored), $"{code}: the stored boundary differs");
        }
    }

    [DatabaseFact]
    public void PopulationDeprivationAndReport_RoundTrip()
    {
        Assert.Equal(demo.Memory.AgeBands, demo.Stored.AgeBands);
        Assert.Equal(demo.Memory.Population.Count, demo.Stored.Population.Count);
        foreach (var (code, counts) in demo.Memory.Population)
        {
            Assert.Equal(counts, demo.Stored.Population[code]);
        }

        Assert.Equal(demo.Memory.Deprivation.Values.OrderBy(d => d.Neighbourhood, StringComparer.Ordinal),
            demo.Stored.Deprivation.Values.OrderBy(d => d.Neighbourhood, StringComparer.Ordinal));
        Assert.Equal(JsonSerializer.Serialize(demo.Memory.Report, Json), JsonSerializer.Serialize(demo.Stored.Report, Json));
        Assert.Equal(demo.Memory.Suppression, demo.Stored.Suppression);
        Assert.Equal((demo.Memory.Name, demo.Memory.Synthetic, demo.Memory.BoundaryVintage),
            (demo.Stored.Name, demo.Stored.Synthetic, demo.Stored.BoundaryVintage));
    }

    [DatabaseFact]
    public void FlowTable_RoundTripsInImportOrder()
    {
        var (memory, stored) = (demo.Memory.Flows!, demo.Stored.Flows!);
        Assert.Equal((memory.Providers, memory.Counts, memory.File), (stored.Providers, stored.Counts, stored.File));
        Assert.Equal(memory.ImportNotes, stored.ImportNotes);
        Assert.Equal(memory.ProviderNames, stored.ProviderNames);
        Assert.Equal(memory.Flows, stored.Flows);
    }

    [DatabaseFact]
    public void EveryIndicatorPeriodAndArea_HasTheSameValuesIntervalsFlagsAndSuppression()
    {
        AssertIndicatorsIdentical(demo.Memory, demo.Stored);
    }

    /// <summary>Every published row (after suppression) and every computed row (before it), compared field by field.</summary>
    internal static void AssertIndicatorsIdentical(Dataset memory, Dataset stored)
    {
        Assert.Equal(memory.Indicators.Select(i => i.Definition), stored.Indicators.Select(i => i.Definition));
        var compared = 0;
        foreach (var source in memory.Indicators)
        {
            var a = memory.Indicator(source.Definition.Id);
            var b = stored.Indicator(source.Definition.Id);
            Assert.Equal(a.Periods, b.Periods);
            Assert.Equal(a.Bands, b.Bands);
            foreach (var period in a.Periods)
            {
                var published = (a.Publish(period), b.Publish(period));
                Assert.Equal(published.Item1.Rows.Count, published.Item2.Rows.Count);
                foreach (var level in Enum.GetValues<Level>())
                {
                    var left = published.Item1.AtLevel(level).Select(r => JsonSerializer.Serialize(r, Json)).ToList();
                    var right = published.Item2.AtLevel(level).Select(r => JsonSerializer.Serialize(r, Json)).ToList();
                    Assert.Equal(left, right);
                    compared += left.Count;
                }

                Assert.Equal(
                    a.Compute(period).Select(r => JsonSerializer.Serialize(r, Json)),
                    b.Compute(period).Select(r => JsonSerializer.Serialize(r, Json)));
            }
        }

        Assert.True(compared > 0);
    }
}
