using System.Globalization;
using System.Text.Json.Nodes;
using Geo.Tests;

namespace Geo.Api.Tests.Disclosure;

/// <summary>
/// The attacker at work on one indicator and period: asks every surface of the API what it shows (levels, children as
/// JSON, CSV and GeoJSON, single rows, compare, hotspots in every order, hotspot classes, the inequality profile on
/// national and local deciles, catchments of both methods over a sweep of thresholds), checks that each surface shows
/// the same figures and that nothing derived from a hidden count is shown, and turns every shown count into an equation
/// for <see cref="SumsSystem"/>. Only what the API answers is used, plus the public IMD deciles and scores of the
/// neighbourhoods (the dataset's input, not a computed figure).
/// </summary>
public sealed class Observatory(HttpClient client, string indicator, IReadOnlyDictionary<string, (int Decile, double? Score)> deprivation)
{
    private static readonly string[] Levels = ["country", "system", "icp", "place", "neighbourhood"];

    private static readonly string[] CountDerived =
        ["count", "value", "lower95", "upper95", "lower998", "upper998", "vs_parent", "vs_england", "vs_parent_998", "vs_england_998",
         "rank", "excess", "excess_share", "funnel"];

    private readonly Dictionary<string, JsonObject> _rows = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, List<string>> _children = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Surface inconsistencies and shown figures derived from hidden counts; empty when none.</summary>
    public List<string> Leaks { get; } = [];

    /// <summary>What was asked, by surface, for the report.</summary>
    public SortedDictionary<string, int> Requests { get; } = new(StringComparer.Ordinal);

    /// <summary>How many catchments (of all methods and thresholds) were shown and hidden.</summary>
    public (int Shown, int Hidden, int WithHiddenMember) Catchments { get; private set; }

    /// <summary>Inequality groups and deciles shown and hidden.</summary>
    public (int Shown, int Hidden) Groups { get; private set; }

    private async Task<JsonNode> Get(string surface, string url)
    {
        Requests[surface] = Requests.GetValueOrDefault(surface) + 1;
        var response = await client.GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!;
    }

    private async Task<string> GetText(string surface, string url)
    {
        Requests[surface] = Requests.GetValueOrDefault(surface) + 1;
        var response = await client.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, url);
        return await response.Content.ReadAsStringAsync();
    }

    private static double? Number(JsonNode? node) => node is null ? null : node.GetValue<double>();

    private static bool Hidden(JsonObject row) => row["suppressed"] is not null;

    private static string Key(string period, string code) => period + "|" + code;

    /// <summary>Gathers every surface for <paramref name="period"/> into <paramref name="system"/>.</summary>
    /// <param name="query">Extra query string for every indicator request (e.g. "&amp;pool=3"), or "".</param>
    /// <param name="singleRows">Ask every area's own row too (thousands of requests on England).</param>
    /// <param name="thresholds">Proportional-flow thresholds to sweep (fptp is always asked).</param>
    /// <param name="catchmentAreas">Limit catchments to those touching these areas (null: every provider).</param>
    public async Task<string> Gather(SumsSystem system, string? period, string query, bool singleRows, IReadOnlyList<double> thresholds,
        IReadOnlyCollection<string>? catchmentAreas = null)
    {
        var p = period is null ? "" : "period=" + Uri.EscapeDataString(period);
        var q = "?" + p + query;
        string label = period ?? "";
        foreach (var level in Levels)
        {
            var answer = await Get("levels", $"/api/indicators/{indicator}/levels/{level}{q}");
            foreach (var row in answer["rows"]!.AsArray().Select(r => r!.AsObject()))
            {
                _rows[(string)row["code"]!] = row;
                label = (string)row["period"]!;
                if (row["parent"] is { } parent)
                {
                    (_children.TryGetValue((string)parent!, out var list) ? list : _children[(string)parent!] = []).Add((string)row["code"]!);
                }
            }
        }

        var parents = _rows.Values.Where(r => (string)r["level"]! != "neighbourhood").Select(r => (string)r["code"]!).ToArray();
        CheckHiddenRows(_rows.Values, "levels");
        CheckFamilies();
        await ChildrenSurfaces(parents, q);
        if (singleRows)
        {
            foreach (var code in _rows.Keys.ToArray())
            {
                var answer = await Get("area row", $"/api/indicators/{indicator}/areas/{Uri.EscapeDataString(code)}{q}");
                Same(answer["row"]!.AsObject(), "area row");
            }
        }

        await CompareHiddenWithShown(parents, p + query);
        await Hotspots(parents, q);
        await Classes(parents, q);

        // The hierarchy: every area's count is the sum of its neighbourhoods with data.
        var whole = true;
        foreach (var row in _rows.Values.Where(r => (string)r["level"]! == "neighbourhood"))
        {
            var code = (string)row["code"]!;
            if (Number(row["count"]) is { } count)
            {
                system.Know(Key(label, code), count);
                whole &= count == Math.Floor(count);
            }
            else if (Hidden(row))
            {
                var primary = (string)row["suppressed"]! == "primary";
                system.Hide(Key(label, code), primary ? (whole ? 1 : 0) : 0, primary ? (whole ? 7 : 8) : double.PositiveInfinity);
            }
        }

        foreach (var code in parents)
        {
            var row = _rows[code];
            var members = Neighbourhoods(code).Select(c => Key(label, c)).ToArray();
            if (Number(row["count"]) is { } count)
            {
                system.Add($"{label} area {code}", members, count);
            }
            else if (Hidden(row))
            {
                system.Protect($"{label} area {code}", members, cell: true);
            }
        }

        await Inequality(system, parents, q, label);
        await CatchmentsAttack(system, p + query, label, thresholds, catchmentAreas);
        return label;
    }

    private IEnumerable<string> Neighbourhoods(string code)
    {
        if (!_children.TryGetValue(code, out var children))
        {
            if ((string)_rows[code]["level"]! == "neighbourhood")
            {
                yield return code;
            }

            yield break;
        }

        foreach (var child in children)
        {
            foreach (var n in Neighbourhoods(child))
            {
                yield return n;
            }
        }
    }

    /// <summary>A hidden row shows nothing derived from its count: no value, interval, comparison, rank, excess or funnel position.</summary>
    private void CheckHiddenRows(IEnumerable<JsonObject> rows, string surface)
    {
        foreach (var row in rows.Where(Hidden))
        {
            foreach (var column in CountDerived.Where(c => row[c] is not null))
            {
                Leaks.Add($"{surface}: {row["code"]} is suppressed but shows {column} = {row[column]}");
            }
        }
    }

    /// <summary>Comparisons with a hidden parent, excess shares beside a hidden sibling, and ranks that count hidden siblings.</summary>
    private void CheckFamilies()
    {
        foreach (var (parent, children) in _children)
        {
            var rows = children.Select(c => _rows[c]).ToArray();
            var anyHidden = rows.Any(Hidden);
            var shown = rows.Where(r => !Hidden(r) && r["value"] is not null).ToArray();
            foreach (var row in rows.Where(r => !Hidden(r)))
            {
                if (Hidden(_rows[parent]) && (row["vs_parent"] is not null || row["vs_parent_998"] is not null))
                {
                    Leaks.Add($"{row["code"]} is compared with its hidden parent {parent}");
                }

                if (anyHidden && row["excess_share"] is not null)
                {
                    Leaks.Add($"{row["code"]} shows an excess share beside a hidden sibling");
                }

                // Rank among the shown siblings only: 1 + the number of shown siblings with a higher value (values equal
                // to 6 decimals may differ beyond them, so a rank anywhere within the tie is right).
                if (Number(row["value"]) is { } value)
                {
                    var expected = 1 + shown.Count(s => Number(s["value"])!.Value > value);
                    var lowest = shown.Count(s => Number(s["value"])!.Value >= value);
                    if (row["rank"]?.GetValue<int>() is not { } rank || rank < expected || rank > lowest)
                    {
                        Leaks.Add($"{row["code"]} has rank {row["rank"]}, not {expected} among its {shown.Length} shown siblings");
                    }
                }
            }
        }
    }

    private static readonly string[] FunnelColumns = ["funnel_lower95", "funnel_upper95", "funnel_lower998", "funnel_upper998", "funnel"];

    private static JsonObject WithoutFunnel(JsonObject row)
    {
        var copy = row.DeepClone().AsObject();
        foreach (var column in FunnelColumns)
        {
            copy.Remove(column);
        }

        return copy;
    }

    private void Same(JsonObject row, string surface, Func<JsonObject, JsonObject>? levelAs = null)
    {
        var code = (string)row["code"]!;
        if (!_rows.TryGetValue(code, out var level) || !JsonNode.DeepEquals(levelAs is null ? level : levelAs(level.AsObject()), row))
        {
            Leaks.Add($"{surface}: {code}'s row differs from the level's: {row.ToJsonString()}");
        }
    }

    private async Task ChildrenSurfaces(IEnumerable<string> parents, string q)
    {
        foreach (var code in parents)
        {
            var path = $"/api/indicators/{indicator}/areas/{Uri.EscapeDataString(code)}/children";
            var json = await Get("children", path + q);
            Same(json["area"]!.AsObject(), "children area");
            foreach (var row in json["rows"]!.AsArray())
            {
                Same(row!.AsObject(), "children");
            }

            var csv = (await GetText("children.csv", path + ".csv" + q)).TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries);
            var header = RawCsv.Split(csv[0].TrimEnd('\r'));
            foreach (var line in csv.Skip(1))
            {
                var fields = RawCsv.Split(line.TrimEnd('\r'));
                var row = _rows[fields[Array.IndexOf(header, "code")]];
                foreach (var column in CountDerived.Append("suppressed"))
                {
                    var cell = fields[Array.IndexOf(header, column)];
                    var shown = row[column];
                    var agrees = shown is null ? cell.Length == 0
                        : shown.GetValueKind() == System.Text.Json.JsonValueKind.Number
                            ? double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) && Math.Abs(x - shown.GetValue<double>()) < 1e-9
                            : cell == (string)shown!;
                    if (!agrees)
                    {
                        Leaks.Add($"children.csv: {row["code"]} {column} is '{cell}', the JSON says {shown?.ToJsonString() ?? "null"}");
                    }
                }
            }

            var geojson = await Get("children.geojson", path + ".geojson" + q);
            foreach (var feature in geojson["features"]!.AsArray())
            {
                var properties = feature!["properties"]!.AsObject();
                var row = _rows[(string)properties["code"]!];
                foreach (var column in CountDerived.Append("suppressed").Where(c => !JsonNode.DeepEquals(properties[c], row[c])))
                {
                    Leaks.Add($"children.geojson: {row["code"]} {column} is {properties[column]?.ToJsonString() ?? "null"}, the JSON says {row[column]?.ToJsonString() ?? "null"}");
                }
            }
        }
    }

    /// <summary>Each hidden area beside up to three shown siblings: same rows, and no pair with it compared.</summary>
    private async Task CompareHiddenWithShown(IEnumerable<string> parents, string query)
    {
        foreach (var parent in parents.Where(_children.ContainsKey))
        {
            var children = _children[parent];
            var shown = children.Where(c => !Hidden(_rows[c])).Take(3).ToArray();
            foreach (var hidden in children.Where(c => Hidden(_rows[c])).Take(5))
            {
                string[] codes = [hidden, .. shown];
                if (codes.Length < 2)
                {
                    codes = [hidden, parent];
                }

                var answer = await Get("compare", $"/api/compare?indicator={indicator}&areas={Uri.EscapeDataString(string.Join(',', codes))}&{query.TrimStart('&')}");
                foreach (var row in answer["areas"]!.AsArray())
                {
                    Same(row!.AsObject(), "compare");
                }

                foreach (var pair in answer["pairs"]!.AsArray().Where(x => (string)x!["a"]! == hidden || (string)x!["b"]! == hidden))
                {
                    if ((string)pair!["status"]! == "compared" || pair["difference"] is not null || pair["z"] is not null)
                    {
                        Leaks.Add($"compare: the hidden {hidden} is compared: {pair.ToJsonString()}");
                    }
                }
            }
        }
    }

    private async Task Hotspots(IEnumerable<string> parents, string q)
    {
        foreach (var code in parents)
        {
            // by=funnel also with each overdispersion adjustment, whose limits come from the siblings' published rows
            foreach (var by in new[] { "rate", "excess", "funnel", "funnel&funnel=phi", "funnel&funnel=random-effects", "gistar", "moran" })
            {
                var response = await client.GetAsync($"/api/indicators/{indicator}/areas/{Uri.EscapeDataString(code)}/hotspots{q}&by={by}&top=1000");
                Requests["hotspots"] = Requests.GetValueOrDefault("hotspots") + 1;
                if (!response.IsSuccessStatusCode)
                {
                    continue; // refused for scores or place-level data: nothing shown
                }

                var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
                var rows = answer["rows"]!.AsArray().Select(r => r!.AsObject()).ToArray();
                foreach (var row in rows)
                {
                    // Hotspots' funnel columns may be adjusted for overdispersion among the published siblings (funnel=,
                    // chosen by a test by default): every other column must be the level's, and a suppressed row has no position.
                    Same(WithoutFunnel(row), "hotspots by " + by, WithoutFunnel);
                    if (row["suppressed"] is not null && row["funnel"] is not null)
                    {
                        Leaks.Add($"hotspots by {by} inside {code} show a funnel position for the suppressed {row["code"]}");
                    }

                    if (Hidden(row))
                    {
                        Leaks.Add($"hotspots by {by} inside {code} list the hidden {row["code"]}");
                    }
                }
            }
        }
    }

    private async Task Classes(IEnumerable<string> parents, string q)
    {
        foreach (var code in parents)
        {
            foreach (var by in new[] { "gistar", "moran" })
            {
                var response = await client.GetAsync($"/api/indicators/{indicator}/areas/{Uri.EscapeDataString(code)}/hotspot-classes{q}&by={by}");
                Requests["hotspot classes"] = Requests.GetValueOrDefault("hotspot classes") + 1;
                if (!response.IsSuccessStatusCode)
                {
                    continue;
                }

                var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
                var rows = answer["rows"]!.AsArray().Select(r => r!.AsObject()).ToArray();
                var anyHidden = rows.Any(r => Hidden(_rows[(string)r["code"]!]));
                foreach (var row in rows)
                {
                    var hidden = Hidden(_rows[(string)row["code"]!]);
                    if (hidden && row["class"] is { } cls && (string)cls! != "suppressed")
                    {
                        Leaks.Add($"hotspot classes ({by}) inside {code}: the hidden {row["code"]} has class {cls}");
                    }

                    if (anyHidden && (row["z"] is not null || row["p"] is not null || row["q"] is not null))
                    {
                        Leaks.Add($"hotspot classes ({by}) inside {code}: z, p or q shown beside a hidden neighbourhood ({row["code"]})");
                    }
                }
            }
        }
    }

    /// <summary>Core20, rest and each decile: a shown count or value is an equation over the group's neighbourhoods.</summary>
    private async Task Inequality(SumsSystem system, IEnumerable<string> parents, string q, string label)
    {
        int shownGroups = 0, hiddenGroups = 0;
        foreach (var code in parents)
        {
            var members = Neighbourhoods(code).ToArray();
            foreach (var basis in new[] { "national", "local" })
            {
                var response = await client.GetAsync($"/api/indicators/{indicator}/areas/{Uri.EscapeDataString(code)}/inequality{q}&deciles={basis}");
                Requests["inequality"] = Requests.GetValueOrDefault("inequality") + 1;
                if (!response.IsSuccessStatusCode)
                {
                    return; // scores and place-level data have no profile
                }

                var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
                var anyHidden = members.Any(m => Hidden(_rows[m]));
                var decileOf = basis == "national"
                    ? members.ToDictionary(m => m, m => deprivation.TryGetValue(m, out var d) ? d.Decile : 0)
                    : LocalDeciles(members);
                if (basis == "national")
                {
                    var core20 = members.Where(m => decileOf[m] is 1 or 2).ToArray();
                    var rest = members.Where(m => decileOf[m] >= 3).ToArray();
                    foreach (var (name, group) in new[] { ("core20", core20), ("rest", rest) })
                    {
                        var g = answer[name]!;
                        Assert.Equal(group.Length, g["neighbourhoods"]!.GetValue<int>());
                        var keys = group.Select(m => Key(label, m)).ToArray();
                        if (Number(g["count"]) is { } count)
                        {
                            shownGroups++;
                            system.Add($"{label} {name} of {code}", keys, count);
                        }
                        else
                        {
                            hiddenGroups++;
                            system.Protect($"{label} {name} of {code}", keys, cell: false);
                            if (g["value"] is not null || g["eventShare"] is not null || g["lower95"] is not null)
                            {
                                Leaks.Add($"inequality: {name} of {code} hides its count but shows its value, interval or event share");
                            }
                        }

                        if (anyHidden && g["positiveExcessShare"] is not null)
                        {
                            Leaks.Add($"inequality: {name} of {code} shows a positive excess share beside a hidden neighbourhood");
                        }
                    }
                }

                foreach (var d in answer["deciles"]!.AsArray())
                {
                    var decile = d!["decile"]!.GetValue<int>();
                    var group = members.Where(m => decileOf[m] == decile).ToArray();
                    Assert.True(group.Length == d["neighbourhoods"]!.GetValue<int>(),
                        $"{code} {basis} decile {decile}: the attacker's deciles hold {group.Length}, the answer {d["neighbourhoods"]}");
                    var keys = group.Select(m => Key(label, m)).ToArray();
                    if (d["value"] is not null)
                    {
                        // A shown value with its 95% interval gives the count away (value × denominator for rates and
                        // proportions; the interval's asymmetry for a DSR), so the attacker knows the decile's count.
                        shownGroups++;
                        system.Add($"{label} {basis} decile {decile} of {code}", keys, null);
                    }
                    else
                    {
                        hiddenGroups++;
                        system.Protect($"{label} {basis} decile {decile} of {code}", keys, cell: false);
                        if (d["inSlope"]?.GetValue<bool>() == true && answer["slope"] is not null)
                        {
                            Leaks.Add($"inequality: {basis} decile {decile} of {code} is hidden but enters the SII and RII "
                                + "(with the other deciles shown, the slope and intercept solve for its value)");
                        }
                    }
                }
            }
        }

        Groups = (Groups.Shown + shownGroups, Groups.Hidden + hiddenGroups);
    }

    /// <summary>Local deciles as OHID forms them, worked here from the public IMD scores: rank r of n → ⌊11 − ⌈(n + 1 − r)·10/n⌉⌋.</summary>
    private Dictionary<string, int> LocalDeciles(IReadOnlyList<string> members)
    {
        var scored = members.Where(m => deprivation.TryGetValue(m, out var d) && d.Score is not null).ToArray();
        var result = members.ToDictionary(m => m, _ => 0);
        if (scored.Length < 10)
        {
            return result;
        }

        var n = scored.Length;
        foreach (var m in scored)
        {
            var score = deprivation[m].Score!.Value;
            var rank = 1 + scored.Count(o => deprivation[o].Score!.Value > score);
            var decile = 11 - (int)Math.Ceiling((n + 1 - rank) * 10.0 / n);
            result[m] = Math.Max(1, decile);
        }

        return result;
    }

    private async Task CatchmentsAttack(SumsSystem system, string query, string label, IReadOnlyList<double> thresholds,
        IReadOnlyCollection<string>? areas)
    {
        var settings = thresholds.Select(t => "method=proportional&threshold=" + t.ToString("0.##", CultureInfo.InvariantCulture))
            .Prepend("method=fptp").ToArray();
        int shown = 0, hidden = 0, withHidden = 0;
        foreach (var setting in settings)
        {
            var providers = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var area in areas ?? [null!])
            {
                var list = await client.GetAsync("/api/catchments?" + setting + (area is null ? "" : "&area=" + Uri.EscapeDataString(area)));
                Requests["catchments"] = Requests.GetValueOrDefault("catchments") + 1;
                if (!list.IsSuccessStatusCode)
                {
                    return; // no flow table
                }

                foreach (var c in JsonNode.Parse(await list.Content.ReadAsStringAsync())!["catchments"]!.AsArray())
                {
                    if (c!["neighbourhoods"]!.GetValue<int>() > 0)
                    {
                        providers.Add((string)c["provider"]!);
                    }
                }
            }

            foreach (var provider in providers)
            {
                var catchment = await Get("catchment", $"/api/catchments/{provider}?{setting}");
                var terms = catchment["members"]!.AsArray()
                    .Select(m => (Key(label, (string)m!["code"]!), Rational.FromDecimal(m["weight"]!.GetValue<double>()))).ToArray();
                var response = await client.GetAsync($"/api/catchments/{provider}/indicators/{indicator}?{setting}&{query.TrimStart('&')}");
                Requests["catchment indicator"] = Requests.GetValueOrDefault("catchment indicator") + 1;
                if (!response.IsSuccessStatusCode)
                {
                    return; // place-level data: refused
                }

                var row = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["row"]!.AsObject();
                CheckHiddenRows([row], "catchment");
                var source = $"{label} catchment {provider} ({setting})";
                if (terms.Any(t => system.IsHidden(t.Item1)))
                {
                    withHidden++;
                }

                if (Number(row["count"]) is { } count)
                {
                    shown++;
                    system.Add(source, terms, count);
                }
                else
                {
                    hidden++;
                    system.Protect(source, terms);
                }
            }
        }

        Catchments = (Catchments.Shown + shown, Catchments.Hidden + hidden, Catchments.WithHiddenMember + withHidden);
    }
}
