using System.Globalization;
using System.Text.Json;

namespace Geo.Api.Tests.Disclosure;

/// <summary>
/// The age-specific rates attacked on tests/fixtures/quality: every area's shown total and every shown broad band's count
/// (as the age-rates answer gives it) are equations over the unknown counts of each neighbourhood and age band; the
/// solver (exact elimination and bounds) must determine no withheld area's band, no count inside one, nor a suppressed total.
/// </summary>
public sealed class AgeRatesAttackTests(QualityApiFactory factory) : IClassFixture<QualityApiFactory>
{
    private static readonly (string Band, int From, int To)[] Fine = [("0-14", 0, 14), ("15-64", 15, 64), ("65+", 65, int.MaxValue)];

    private static readonly Dictionary<string, string[]> Areas = new()
    {
        ["E92000001"] = ["E01000001", "E01000002", "E01000003", "E01000004", "E01000005", "E01000006"],
        ["E54000001"] = ["E01000001", "E01000002", "E01000003", "E01000004"],
        ["E54000002"] = ["E01000005", "E01000006"],
        ["E06000001"] = ["E01000001", "E01000002"],
        ["E06000002"] = ["E01000003", "E01000004"],
        ["E06000003"] = ["E01000005", "E01000006"],
        ["E01000001"] = ["E01000001"],
        ["E01000002"] = ["E01000002"],
        ["E01000003"] = ["E01000003"],
        ["E01000004"] = ["E01000004"],
        ["E01000005"] = ["E01000005"],
        ["E01000006"] = ["E01000006"],
    };

    [Fact]
    public async Task AgeRatesBesideEveryTotal_DetermineNoWithheldBandNorSuppressedTotal()
    {
        var client = factory.CreateClient();
        var system = new SumsSystem(wholeCounts: true);
        foreach (var n in Areas["E92000001"])
        {
            foreach (var f in Fine)
            {
                system.Hide($"{n} {f.Band}", 0, 1e9);
            }
        }

        string[] Leaves(string area, int from, int to) =>
            [.. Areas[area].SelectMany(n => Fine.Where(f => f.From >= from && f.From <= to).Select(f => $"{n} {f.Band}"))];

        var withheld = 0;
        var hiddenLeaves = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (area, _) in Areas)
        {
            using var row = JsonDocument.Parse(await client.GetStringAsync($"/api/indicators/falls/areas/{area}"));
            var count = row.RootElement.GetProperty("row").GetProperty("count");
            var all = Leaves(area, 0, int.MaxValue);
            if (count.ValueKind == JsonValueKind.Number)
            {
                system.Add($"{area} total", all, count.GetDouble());
            }
            else
            {
                system.Protect($"{area} total", all, cell: true);
            }

            using var rates = JsonDocument.Parse(await client.GetStringAsync($"/api/indicators/falls/areas/{area}/age-rates"));
            var shown = rates.RootElement.GetProperty("shown").GetBoolean();
            foreach (var band in rates.RootElement.GetProperty("bands").EnumerateArray())
            {
                var label = band.GetProperty("band").GetString()!;
                var from = int.Parse(label.Split('-', '+')[0], CultureInfo.InvariantCulture);
                var to = label.EndsWith('+') ? int.MaxValue : int.Parse(label.Split('-')[1], CultureInfo.InvariantCulture);
                if (shown)
                {
                    system.Add($"{area} {label}", Leaves(area, from, to), band.GetProperty("count").GetDouble());
                }
                else
                {
                    system.Protect($"{area} {label}", Leaves(area, from, to), cell: true);
                    hiddenLeaves.UnionWith(Leaves(area, from, to));
                    withheld++;
                }
            }
        }

        var result = system.Attack();

        // A shown neighbourhood's band that is one age band of the file is published as it is, so only the leaves of withheld
        // areas' bands, the withheld aggregates and the suppressed totals must stay unknown.
        Assert.True(withheld > 0);
        Assert.Empty(result.TargetsDetermined);
        Assert.DoesNotContain(result.Determined, hiddenLeaves.Contains);
        Assert.DoesNotContain(result.Pinned, p => hiddenLeaves.Contains(p.Key));
    }
}
