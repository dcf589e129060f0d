using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Geo.Api.Tests.Answers;
using Geo.Tests;

namespace Geo.Api.Tests.Apis;

/// <summary>
/// Every figure the API publishes for a hand-worked dataset (tests/fixtures/handworked), against expectations computed
/// here from the raw counts file and the published formulas (docs/methods.md) with plain arithmetic: Byar's limits for
/// rates, Wilson's for proportions, OHID's comparison rule, expected and excess at England's rate, funnel limits (binomial;
/// for rates the exact Poisson limits turned round, solved here by bisection on an incomplete gamma function written
/// for the test), ranks and excess shares. Nothing here calls Geo's own statistics.
/// </summary>
public class HandWorkedApiTests(HandWorkedApiFactory factory) : IClassFixture<HandWorkedApiFactory>
{
    private const double Z95 = 1.959963984540054;
    private const double Z998 = 3.090232306167813;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The hierarchy of the fixture's lookup: neighbourhood → place → ICP (one per system) → system → England.</summary>
    private static readonly Dictionary<string, (string Name, string Parent)> Tree = BuildTree();

    private async Task<T> Get<T>(string url) => (await factory.CreateClient().GetFromJsonAsync<T>(url, Json))!;

    [Theory]
    [InlineData("admissions", "neighbourhood")]
    [InlineData("admissions", "place")]
    [InlineData("admissions", "system")]
    [InlineData("smoking", "neighbourhood")]
    [InlineData("smoking", "place")]
    [InlineData("smoking", "system")]
    public async Task GetLevel_HandWorkedCounts_EveryColumnAsWorkedByHand(string indicator, string level)
    {
        var answer = await Get<RowsAnswer>($"/api/indicators/{indicator}/levels/{level}");

        var expected = Expected(indicator).Where(r => r.Level == level).OrderBy(r => r.Code, StringComparer.Ordinal).ToList();
        Assert.Equal(expected.Select(r => r.Code), answer.Rows.Select(r => r.Code));
        for (var i = 0; i < expected.Count; i++)
        {
            AssertClose(expected[i], answer.Rows[i]);
        }

        AssertClose(Expected(indicator).Single(r => r.Level == "country"), answer.Area);
    }

    /// <summary>
    /// Alpha 001A: 200 admissions among 10,000 residents, 2,000 per 100,000, whose 95% interval (Byar's) lies wholly above
    /// England's 666.7 and its place Alpha's 1,100: worse than both; far above the 99.8% funnel limit.
    /// </summary>
    [Fact]
    public async Task GetAreaValue_RateWhoseIntervalExcludesEngland_IsWorseAndAbove998()
    {
        var answer = await Get<AreaAnswer>("/api/indicators/admissions/areas/E01000001");

        var row = answer.Row;
        Assert.Equal(2000, row.Value);
        Assert.Equal(200 * Math.Pow(1 - 1 / 1800.0 - Z95 / (3 * Math.Sqrt(200)), 3) / 10_000 * 100_000, row.Lower95!.Value, 5);
        Assert.Equal(201 * Math.Pow(1 - 1 / 1809.0 + Z95 / (3 * Math.Sqrt(201)), 3) / 10_000 * 100_000, row.Upper95!.Value, 5);
        Assert.True(row.Lower95 > 400 / 60_000.0 * 100_000 && row.Lower95 > 1100);
        Assert.Equal(("worse", "worse", "worse", "worse"), (row.VsEngland, row.VsParent, row.VsEngland998, row.VsParent998));
        Assert.Equal(10_000 * 400 / 60_000.0, row.Expected!.Value, 5);
        Assert.Equal(200 - 10_000 * 400 / 60_000.0, row.Excess!.Value, 5);
        Assert.Equal("above998", row.Funnel);
        Assert.True(row.Value > row.FunnelUpper998);
        Assert.Equal(1, row.Rank);
    }

    /// <summary>With no judgement of polarity the words are higher and lower: Gamma 001A's 20% (200 of 1,000) is above
    /// England's 1/6 at 95% only, between its 95% and 99.8% funnel limits.</summary>
    [Fact]
    public async Task GetAreaValue_ProportionAboveAt95Only_IsHigherThenSimilarAndAbove95()
    {
        var answer = await Get<AreaAnswer>("/api/indicators/smoking/areas/E01000005");

        var row = answer.Row;
        Assert.Equal(("higher", "similar", "higher", "higher"), (row.VsEngland, row.VsEngland998, row.VsParent, row.VsParent998));
        var p = 1 / 6.0;
        Assert.Equal((p + Z95 * Math.Sqrt(p * (1 - p) / 1000)) * 100, row.FunnelUpper95!.Value, 5);
        Assert.Equal((p + Z998 * Math.Sqrt(p * (1 - p) / 1000)) * 100, row.FunnelUpper998!.Value, 5);
        Assert.Equal("above95", row.Funnel);
        Assert.Equal("no-judgement", answer.Metadata.Polarity);
    }

    [Theory]
    [InlineData("admissions", "E54000001", "rate")]
    [InlineData("admissions", "E54000001", "excess")]
    [InlineData("admissions", "E92000001", "funnel")]
    [InlineData("smoking", "E92000001", "rate")]
    [InlineData("smoking", "E92000001", "excess")]
    [InlineData("smoking", "E92000001", "funnel")]
    public async Task GetHotspots_EachOrder_IsTheOrderWorkedFromTheRows(string indicator, string within, string by)
    {
        var answer = await Get<RowsAnswer>($"/api/indicators/{indicator}/areas/{within}/hotspots?by={by}&funnel=poisson");

        var inside = Expected(indicator).Where(r => r.Level == "neighbourhood" && Ancestors(r.Code).Contains(within)).ToList();
        var order = by switch
        {
            "rate" => inside.OrderByDescending(r => r.Value),
            "excess" => inside.OrderByDescending(r => r.Excess),
            // above the 99.8% limit first, then above the 95% limit, each by excess; nothing else is an outlier
            _ => inside.Where(r => r.Funnel is "above998" or "above95").OrderBy(r => r.Funnel == "above998" ? 0 : 1).ThenByDescending(r => r.Excess),
        };
        var expected = order.ThenBy(r => r.Code, StringComparer.Ordinal).Select(r => r.Code).ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, answer.Rows.Select(r => r.Code));
    }

    [Fact]
    public async Task GetChildrenCsv_Place_EachCellIsTheHandWorkedFigure()
    {
        var bytes = await factory.CreateClient().GetByteArrayAsync("/api/indicators/admissions/areas/E06000001/children.csv");

        var lines = Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var header = RawCsv.Split(lines[0]);
        Assert.Equal(RowSchemaTests.Names, header);
        var expected = Expected("admissions").ToDictionary(r => r.Code);
        Assert.Equal(2, lines.Length - 1);
        foreach (var line in lines.Skip(1))
        {
            var cells = RawCsv.Split(line);
            var want = expected[cells[0]];
            var got = header.Zip(cells).ToDictionary(p => p.First, p => p.Second);
            Assert.Equal(want.Name, got["name"]);
            Assert.Equal(want.VsEngland, got["vs_england"]);
            Assert.Equal(want.VsParent, got["vs_parent"]);
            Assert.Equal(want.Funnel, got["funnel"]);
            foreach (var (column, value) in new[] { ("value", want.Value), ("lower95", want.Lower95), ("upper998", want.Upper998),
                ("expected", want.Expected), ("excess", want.Excess), ("funnel_lower95", want.FunnelLower95), ("funnel_upper998", want.FunnelUpper998) })
            {
                Assert.Equal(value!.Value, double.Parse(got[column], CultureInfo.InvariantCulture), 5);
            }
        }
    }

    // ---- the hand-worked expectations ----

    private static List<RowAnswer> Expected(string indicator)
    {
        var proportion = indicator == "smoking";
        var (numerator, denominator, multiplier) = proportion ? ("smokers", "adults", 100.0) : ("admissions", "residents", 100_000.0);
        var counts = RawCsv.Read(Path.Combine(HandWorkedApiFactory.Folder, "counts.csv"), "lsoa21_code", numerator, denominator)
            .ToDictionary(r => r[0], r => (O: double.Parse(r[1], CultureInfo.InvariantCulture), N: double.Parse(r[2], CultureInfo.InvariantCulture)));

        // Sums, never averages: each area's counts are its neighbourhoods' counts added up.
        var sums = Tree.Keys.Append("E92000001").ToDictionary(code => code, code =>
        {
            var members = counts.Where(c => Ancestors(c.Key).Contains(code)).Select(c => c.Value).ToList();
            return (O: members.Sum(m => m.O), N: members.Sum(m => m.N));
        });
        var england = sums["E92000001"];
        var rate = england.O / england.N;

        var rows = new Dictionary<string, RowAnswer>();
        foreach (var (code, (o, n)) in sums)
        {
            var value = o / n * multiplier;
            var (l95, u95) = proportion ? Wilson(o, n, Z95) : (ByarLower(o, Z95) / n, ByarUpper(o, Z95) / n);
            var (l998, u998) = proportion ? Wilson(o, n, Z998) : (ByarLower(o, Z998) / n, ByarUpper(o, Z998) / n);
            var expected = n * rate;
            var (f95, f998) = proportion
                ? (BinomialFunnel(rate, n, Z95), BinomialFunnel(rate, n, Z998))
                : (PoissonFunnel(expected, 0.025), PoissonFunnel(expected, 0.001));
            var benchmark = rate * multiplier;
            var level = code.StartsWith("E01", StringComparison.Ordinal) ? "neighbourhood"
                : code.StartsWith("E06", StringComparison.Ordinal) ? "place"
                : code.EndsWith("-ICP", StringComparison.Ordinal) ? "icp"
                : code.StartsWith("E54", StringComparison.Ordinal) ? "system" : "country";
            var parent = level == "country" ? null : Tree[code].Parent;
            string? vsParent = null, vsParent998 = null;
            if (parent is not null)
            {
                var p = sums[parent!].O / sums[parent!].N * multiplier;
                vsParent = Word(Compare(l95 * multiplier, u95 * multiplier, p), proportion);
                vsParent998 = Word(Compare(l998 * multiplier, u998 * multiplier, p), proportion);
            }

            rows[code] = new RowAnswer(code, level == "country" ? "England" : Tree[code].Name, level, parent, "2023/24", o, n, value,
                l95 * multiplier, u95 * multiplier, l998 * multiplier, u998 * multiplier,
                vsParent, level == "country" ? null : Word(Compare(l95 * multiplier, u95 * multiplier, benchmark), proportion),
                null, expected, o - expected, null, null,
                vsParent998, level == "country" ? null : Word(Compare(l998 * multiplier, u998 * multiplier, benchmark), proportion),
                f95.Lower * multiplier, f95.Upper * multiplier, f998.Lower * multiplier, f998.Upper * multiplier,
                Position(value, f95.Lower * multiplier, f95.Upper * multiplier, f998.Lower * multiplier, f998.Upper * multiplier), 1, null);
        }

        // Ranks among siblings (1 = highest, ties share); excess share = positive excess over the siblings' total positive excess.
        foreach (var siblings in rows.Values.Where(r => r.Parent is not null).GroupBy(r => r.Parent))
        {
            var positive = siblings.Sum(s => Math.Max(0, s.Excess!.Value));
            foreach (var s in siblings)
            {
                rows[s.Code] = s with
                {
                    Rank = 1 + siblings.Count(t => t.Value > s.Value),
                    ExcessShare = positive > 0 ? Math.Max(0, s.Excess!.Value) / positive : null,
                };
            }
        }

        return [.. rows.Values];
    }

    private static Dictionary<string, (string Name, string Parent)> BuildTree()
    {
        var tree = new Dictionary<string, (string, string)>();
        foreach (var r in RawCsv.Read(Path.Combine(HandWorkedApiFactory.Folder, "lookup.csv"),
            "LSOA21CD", "LSOA21NM", "LAD24CD", "LAD24NM", "ICB24CD", "ICB24NM"))
        {
            tree[r[0]] = (r[1], r[2]);
            tree[r[2]] = (r[3], r[4] + "-ICP"); // one ICP per system, named after it, when the dataset names none
            tree[r[4] + "-ICP"] = (r[5], r[4]);
            tree[r[4]] = (r[5], "E92000001");
        }

        return tree;
    }

    private static List<string> Ancestors(string code)
    {
        var list = new List<string> { code };
        while (Tree.TryGetValue(list[^1], out var node))
        {
            list.Add(node.Parent);
        }

        return list;
    }

    private static void AssertClose(RowAnswer expected, RowAnswer actual)
    {
        foreach (var property in typeof(RowAnswer).GetProperties())
        {
            var (want, got) = (property.GetValue(expected), property.GetValue(actual));
            if (want is double w && got is double g)
            {
                Assert.True(Math.Abs(w - g) <= 2e-6 * Math.Max(1, Math.Abs(w)), $"{expected.Code} {property.Name}: expected {w}, got {g}");
            }
            else if (property.Name != nameof(RowAnswer.Name) || expected.Level != "icp")
            {
                Assert.True(Equals(want, got), $"{expected.Code} {property.Name}: expected {want ?? "null"}, got {got ?? "null"}");
            }
        }
    }

    /// <summary>OHID's rule: higher when the benchmark is below the lower limit, lower when above the upper, else similar.</summary>
    private static int Compare(double lower, double upper, double benchmark) => benchmark < lower ? 1 : benchmark > upper ? -1 : 0;

    /// <summary>Admissions are higher-is-worse; smoking has no polarity, so its words are plain.</summary>
    private static string Word(int comparison, bool plain) => (comparison, plain) switch
    {
        (0, _) => "similar",
        (1, true) => "higher",
        (-1, true) => "lower",
        (1, false) => "worse",
        _ => "better",
    };

    private static string Position(double value, double l95, double u95, double l998, double u998) =>
        value > u998 ? "above998" : value > u95 ? "above95" : value < l998 ? "below998" : value < l95 ? "below95" : "within";

    /// <summary>Byar's approximation to the Poisson limits of a count (Breslow and Day 1987).</summary>
    private static double ByarLower(double o, double z) => o * Math.Pow(1 - 1 / (9 * o) - z / (3 * Math.Sqrt(o)), 3);

    private static double ByarUpper(double o, double z) => (o + 1) * Math.Pow(1 - 1 / (9 * (o + 1)) + z / (3 * Math.Sqrt(o + 1)), 3);

    /// <summary>Wilson's score interval of a proportion (Wilson 1927).</summary>
    private static (double Lower, double Upper) Wilson(double o, double n, double z)
    {
        var root = z * Math.Sqrt(z * z + 4 * o * (1 - o / n));
        return ((2 * o + z * z - root) / (2 * (n + z * z)), (2 * o + z * z + root) / (2 * (n + z * z)));
    }

    /// <summary>The binomial funnel around the benchmark proportion p at denominator n.</summary>
    private static (double Lower, double Upper) BinomialFunnel(double p, double n, double z) =>
        (p - z * Math.Sqrt(p * (1 - p) / n), p + z * Math.Sqrt(p * (1 - p) / n));

    /// <summary>
    /// The rate funnel at expected count e, as proportions of the benchmark rate: the count whose exact upper limit is e
    /// (P(o + 1, e) = 1 − tail) and the count whose exact lower limit is e (P(o, e) = tail), each over e and times the rate.
    /// Returned per head (times the rate), to be multiplied like the other limits.
    /// </summary>
    private static (double Lower, double Upper) PoissonFunnel(double e, double tail)
    {
        var lower = Bisect(o => GammaP(o + 1, e) - (1 - tail), 0, e);
        var upper = Bisect(o => GammaP(o, e) - tail, e, 4 * e + 50);
        var rate = 400 / 60_000.0;
        return (lower / e * rate, upper / e * rate);
    }

    /// <summary>The root of a decreasing function between a and b.</summary>
    private static double Bisect(Func<double, double> f, double a, double b)
    {
        for (var i = 0; i < 200; i++)
        {
            var m = (a + b) / 2;
            (a, b) = f(m) > 0 ? (m, b) : (a, m);
        }

        return (a + b) / 2;
    }

    /// <summary>The regularised lower incomplete gamma function by its power series (Abramowitz and Stegun 6.5.29).</summary>
    private static double GammaP(double a, double x)
    {
        double term = 1 / a, sum = term;
        for (var n = 1; n < 10_000 && term > sum * 1e-17; n++)
        {
            term *= x / (a + n);
            sum += term;
        }

        return sum * Math.Exp(-x + a * Math.Log(x) - LogGamma(a));
    }

    /// <summary>ln Γ(x) by Lanczos' approximation (g = 7, nine coefficients), good to about 15 digits for x ≥ 0.5.</summary>
    private static double LogGamma(double x)
    {
        double[] c = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
            12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];
        x -= 1;
        var s = c[0];
        for (var i = 1; i < 9; i++)
        {
            s += c[i] / (x + i);
        }

        var t = x + 7.5;
        return 0.5 * Math.Log(2 * Math.PI) + (x + 0.5) * Math.Log(t) - t + Math.Log(s);
    }
}
