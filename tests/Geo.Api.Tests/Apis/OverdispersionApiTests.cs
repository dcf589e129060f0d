using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Geo.Api.Tests.Answers;
using Geo.Core.Geography;

namespace Geo.Api.Tests.Apis;

/// <summary>
/// The hotspots answer's <c>funnel</c> option on the demo: φ̂ and τ̂² checked by a plain second computation from the
/// published rows (for a ratio funnel z = (O - E)/√E, whatever the scale), the limits of the adjusted rows from those.
/// </summary>
public class OverdispersionApiTests(DemoApiFactory factory) : IClassFixture<DemoApiFactory>
{
    private const string Base = "/api/indicators/" + DemoData.Indicator + "/areas/";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    // A place: fewer than 1,000 neighbourhoods, so top=1000 by excess lists every published one (by rate would leave out
    // those with too few events for a DSR, which still have a count, expected events and a funnel position).
    private string Place => DemoData.Dataset(factory).Geography.AtLevel(Level.Place)[0].Code;

    private async Task<(RowsAnswer Rows, JsonElement Funnel)> Get(string query)
    {
        var text = await factory.CreateClient().GetStringAsync(Base + Place + "/hotspots?top=1000&" + query);
        var rows = JsonSerializer.Deserialize<RowsAnswer>(text, Json)!;
        return (rows, JsonDocument.Parse(text).RootElement.GetProperty("funnel").Clone());
    }

    // R type 7 percentile, written out again here.
    private static double Quantile(double[] sorted, double p)
    {
        var h = (sorted.Length - 1) * p;
        var i = (int)h;
        return i + 1 < sorted.Length ? sorted[i] + ((h - i) * (sorted[i + 1] - sorted[i])) : sorted[i];
    }

    private static (int N, double Phi, double Tau2) ByHand(IReadOnlyList<RowAnswer> rows, double benchmark)
    {
        var units = rows.Where(r => r.Funnel is not null && r.Count is not null && r.Expected is > 0).ToArray();
        var z = units.Select(r => (r.Count!.Value - r.Expected!.Value) / Math.Sqrt(r.Expected.Value)).ToArray();
        var sorted = z.Order().ToArray();
        var (lo, hi) = (Quantile(sorted, 0.1), Quantile(sorted, 0.9));
        var phi = z.Select(v => Math.Min(hi, Math.Max(lo, v))).Sum(v => v * v) / z.Length;
        var w = units.Select(r => r.Expected!.Value / (benchmark * benchmark)).ToArray();
        var tau2 = Math.Max(0, ((z.Length * phi) - (z.Length - 1)) / (w.Sum() - (w.Sum(x => x * x) / w.Sum())));
        return (z.Length, phi, tau2);
    }

    [Fact]
    public async Task Hotspots_RandomEffects_PhiTauAndLimitsMatchAPlainComputationFromThePublishedRows()
    {
        var (answer, funnel) = await Get("by=excess&funnel=random-effects");
        var england = DemoData.Latest(factory).Get(DemoData.Dataset(factory).Geography.Root.Code).Value!.Value;
        var (n, phi, tau2) = ByHand(answer.Rows, england);

        Assert.Equal("random-effects", funnel.GetProperty("adjustment").GetString());
        Assert.False(funnel.GetProperty("chosenByTest").GetBoolean());
        Assert.Equal(n, funnel.GetProperty("units").GetInt32());
        Assert.True(n >= 10, $"only {n} neighbourhoods with a funnel position");
        Assert.Equal(phi, funnel.GetProperty("phi").GetDouble(), phi * 1e-5);
        Assert.Equal(tau2, funnel.GetProperty("tauSquared").GetDouble(), (tau2 * 1e-4) + 1e-9);
        Assert.Contains("funnel limits random-effects", answer.Metadata.Selection, StringComparison.Ordinal);
        foreach (var row in answer.Rows.Where(r => r.Funnel is not null))
        {
            var spread = 1.959963984540054 * Math.Sqrt((england * england / row.Expected!.Value) + tau2);
            Assert.Equal(england + spread, row.FunnelUpper95!.Value, 1e-3);
            Assert.Equal(Math.Max(0, england - spread), row.FunnelLower95!.Value, 1e-3);
        }
    }

    [Fact]
    public async Task Hotspots_NoFunnelGiven_TestChoosesAndSaysSo()
    {
        var (_, funnel) = await Get("by=rate");
        var p = funnel.GetProperty("pValue").GetDouble();

        Assert.True(funnel.GetProperty("chosenByTest").GetBoolean());
        Assert.Equal(p < 0.05 ? "random-effects" : "poisson", funnel.GetProperty("adjustment").GetString());
    }

    [Fact]
    public async Task Hotspots_ByFunnelWithPhi_ListsOnlyPublishedRowsAboveTheirAdjustedLimit()
    {
        var (answer, funnel) = await Get("by=funnel&funnel=phi");

        Assert.Equal("phi", funnel.GetProperty("adjustment").GetString());
        Assert.True(funnel.GetProperty("phi").GetDouble() > 1, "the demo's COPD pools are overdispersed");
        Assert.All(answer.Rows, r =>
        {
            Assert.Null(r.Suppressed);
            Assert.NotNull(r.Value);
            Assert.StartsWith("above", r.Funnel!, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Hotspots_SuppressedRowsInside_NeverGetAFunnelPosition()
    {
        var hidden = DemoData.SuppressedNeighbourhood(factory);
        var text = await factory.CreateClient().GetStringAsync(Base + hidden.Area.ParentCode + "/hotspots?top=1000&by=rate&funnel=random-effects");
        var answer = JsonSerializer.Deserialize<RowsAnswer>(text, Json)!;

        Assert.DoesNotContain(answer.Rows, r => r.Code == hidden.Area.Code);
        Assert.All(answer.Rows, r => Assert.True(r.Suppressed is null || r.Funnel is null));
    }

    [Fact]
    public async Task Hotspots_UnknownFunnelWord_Is400NamingTheValidWords()
    {
        var response = await factory.CreateClient().GetAsync(Base + Place + "/hotspots?funnel=laney");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var detail = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString();
        Assert.Contains("poisson, phi, random-effects", detail, StringComparison.Ordinal);
        Assert.Contains("laney", detail, StringComparison.Ordinal);
    }

    private async Task<(RowsAnswer Rows, JsonElement Funnel)> Children(string query)
    {
        var text = await factory.CreateClient().GetStringAsync(Base + Place + "/children?" + query);
        return (JsonSerializer.Deserialize<RowsAnswer>(text, Json)!, JsonDocument.Parse(text).RootElement.GetProperty("funnel").Clone());
    }

    [Fact]
    public async Task Children_NoFunnelGiven_KeepTheExactLimitsAndSaySo()
    {
        var (plain, funnel) = await Children("");
        var (poisson, _) = await Children("funnel=poisson");

        Assert.Equal("poisson", funnel.GetProperty("adjustment").GetString());
        Assert.False(funnel.GetProperty("chosenByTest").GetBoolean());
        Assert.Equal($"children of {Place}", plain.Metadata.Selection);
        Assert.Equal(plain.Rows.Select(r => (r.Code, r.FunnelLower95, r.FunnelUpper95, r.FunnelUpper998, r.Funnel)),
            poisson.Rows.Select(r => (r.Code, r.FunnelLower95, r.FunnelUpper95, r.FunnelUpper998, r.Funnel)));
        Assert.Contains("funnel limits poisson", poisson.Metadata.Selection, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Children_Phi_LimitsAreEnglandPlusMinusZRootPhiTimesS_FromAPlainComputation()
    {
        var (answer, funnel) = await Children("funnel=phi");
        var england = DemoData.Latest(factory).Get(DemoData.Dataset(factory).Geography.Root.Code).Value!.Value;
        var (n, phi, _) = ByHand(answer.Rows, england);

        Assert.Equal("phi", funnel.GetProperty("adjustment").GetString());
        Assert.Equal(n, funnel.GetProperty("units").GetInt32());
        Assert.Equal(phi, funnel.GetProperty("phi").GetDouble(), phi * 1e-5);
        Assert.True(phi > 1, $"phi {phi}: the demo's COPD pools are overdispersed");
        Assert.Contains("funnel limits phi", answer.Metadata.Selection, StringComparison.Ordinal);
        // a rate's funnel: s = θ/√E, limits θ ± z √φ s (z 1.959964 and 3.090232), never below 0
        foreach (var row in answer.Rows.Where(r => r.Funnel is not null))
        {
            var s = england / Math.Sqrt(row.Expected!.Value);
            Assert.Equal(england + (1.959963984540054 * Math.Sqrt(phi) * s), row.FunnelUpper95!.Value, 1e-3);
            Assert.Equal(Math.Max(0, england - (1.959963984540054 * Math.Sqrt(phi) * s)), row.FunnelLower95!.Value, 1e-3);
            Assert.Equal(england + (3.090232306167813 * Math.Sqrt(phi) * s), row.FunnelUpper998!.Value, 1e-3);
            // placed by its plotted value O/E × θ (a DSR's funnel is of observed over expected events)
            var y = row.Count!.Value / row.Expected.Value * england;
            var position = y > row.FunnelUpper998 ? "above998" : y > row.FunnelUpper95 ? "above95"
                : y < row.FunnelLower998 ? "below998" : y < row.FunnelLower95 ? "below95" : "within";
            Assert.Equal(position, row.Funnel);
        }

        // a suppressed row has no position, and no exact limits in an answer whose limits are φ's
        Assert.Contains(answer.Rows, r => r.Suppressed is not null);
        Assert.All(answer.Rows.Where(r => r.Suppressed is not null), r => Assert.Null(r.Funnel));
        Assert.All(answer.Rows.Where(r => r.Suppressed is not null), r => Assert.Null(r.FunnelUpper998));
    }

    [Fact]
    public async Task ChildrenExports_RandomEffects_CarryTheAdjustedLimitsOfTheJson()
    {
        var (answer, _) = await Children("funnel=random-effects");
        var csv = await factory.CreateClient().GetStringAsync(Base + Place + "/children.csv?funnel=random-effects");
        var lines = csv.TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].TrimEnd('\r').Split(',');
        var (code, upper) = (Array.IndexOf(header, "code"), Array.IndexOf(header, "funnel_upper95"));
        var byCode = answer.Rows.ToDictionary(r => r.Code);
        foreach (var line in lines.Skip(1))
        {
            var f = line.TrimEnd('\r').Split(',');
            var expected = byCode[f[code]].FunnelUpper95;
            double? written = f[upper].Length == 0 ? null : double.Parse(f[upper], System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(expected, written);
        }

        var geojson = JsonDocument.Parse(await factory.CreateClient().GetStringAsync(Base + Place + "/children.geojson?funnel=random-effects")).RootElement;
        Assert.Contains("funnel limits random-effects", geojson.GetProperty("metadata").GetProperty("selection").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Level_FunnelTest_ChoosesByTheTestAmongTheLevelsRows()
    {
        var text = await factory.CreateClient().GetStringAsync($"/api/indicators/{DemoData.Indicator}/levels/place?funnel=test");
        var funnel = JsonDocument.Parse(text).RootElement.GetProperty("funnel");

        Assert.True(funnel.GetProperty("chosenByTest").GetBoolean());
        Assert.Equal(funnel.GetProperty("pValue").GetDouble() < 0.05 ? "random-effects" : "poisson", funnel.GetProperty("adjustment").GetString());
    }
}
