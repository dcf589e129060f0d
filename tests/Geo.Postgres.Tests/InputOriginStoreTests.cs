using Geo.Data.Loading;
using Geo.Tests;

namespace Geo.Postgres.Tests;

/// <summary>The inputs' origins (mapped from 2011 neighbourhoods, by change) survive <c>geo load</c> and the read back, so the
/// data quality answer is the same from files and from the store.</summary>
[Trait("Category", "Database")]
public class InputOriginStoreTests
{
    [DatabaseFact]
    public async Task Origins_OfAnIndicatorMappedFrom2011_RoundTripThroughTheStore()
    {
        var memory = DatasetLoader.Load(Path.Combine(SharedData.RepositoryRoot, "tests", "fixtures", "quality", "quality.dataset.json"));
        await using var database = await TestDatabase.CreateAsync();
        using var store = new PostgresStore(database.ConnectionString);
        await store.LoadAsync(memory);
        var stored = (await store.ReadAsync()).Dataset;

        foreach (var source in memory.Indicators)
        {
            var back = stored.Indicators.Single(i => i.Definition.Id == source.Definition.Id);
            Assert.Equal(source.Origins.OrderBy(o => o.Key, StringComparer.Ordinal), back.Origins.OrderBy(o => o.Key, StringComparer.Ordinal));
        }

        Assert.Equal(6, memory.Indicators.Single(i => i.Definition.Id == "admissions-2011").Origins.Count);
        StoreParityTests.AssertIndicatorsIdentical(memory, stored);
    }
}
