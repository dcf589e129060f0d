using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Geo.Core.Geography;
using Geo.Tests;

namespace Geo.Postgres.Tests;

/// <summary>
/// One request, three doors, the same figures: every use case asked of the demo through the API served from files, the
/// <c>geo</c> command (from files and with <c>--connection</c>) and the API served from the PostGIS store. CSV is compared
/// byte for byte where both doors write it, rows field by field (by column name) where one answers JSON; use cases with
/// no command are compared between the two servers. Bad words give the same error text through every door.
/// </summary>
[Trait("Category", "Database")]
public sealed partial class DoorParityTests(DoorServers doors) : IClassFixture<DoorServers>
{
    private const string Copd = "copd-emergency-admissions";
    private const string Api = "/api/indicators/" + Copd;

    [DatabaseTheory]
    [InlineData("country")]
    [InlineData("system")]
    [InlineData("ics")]
    [InlineData("icb")]
    [InlineData("icp")]
    [InlineData("place")]
    [InlineData("neighbourhood")]
    [InlineData("lsoa")]
    public async Task Level_EachWordThroughEveryDoor_GivesTheSameRows(string word)
    {
        var cli = await CommandCsv("export", "--indicator", Copd, "--level", word);
        var api = await Json($"{Api}/levels/{word}");

        var rows = AssertRowsByName(api.GetProperty("rows"), cli);
        Assert.True(rows > 0, $"no {word} rows");
    }

    [DatabaseFact]
    public async Task Level_EarlierPeriod_GivesTheSameRowsThroughEveryDoor()
    {
        var period = doors.Dataset.Indicator(Copd).Periods[0];

        var cli = await CommandCsv("export", "--indicator", Copd, "--level", "place", "--period", period);
        var api = await Json($"{Api}/levels/place?period={Uri.EscapeDataString(period)}");

        AssertRowsByName(api.GetProperty("rows"), cli);
        Assert.All(ReadCsv(cli), r => Assert.Equal(period, r["period"]));
    }

    [DatabaseFact]
    public async Task Children_SystemIcpAndPlace_ApiCsvIsTheCommandsExportOfTheChildLevelInside()
    {
        var geography = doors.Dataset.Geography;
        var system = geography.Get("X54000001");
        var icp = geography.Get(system.ChildCodes[0]);
        var place = geography.Get(icp.ChildCodes[0]);
        foreach (var (area, childLevel) in new[] { (system, "icp"), (icp, "place"), (place, "neighbourhood") })
        {
            var cli = await CommandCsv("export", "--indicator", Copd, "--level", childLevel, "--within", area.Code);
            var csv = await Bytes($"{Api}/areas/{area.Code}/children.csv");
            var json = await Json($"{Api}/areas/{area.Code}/children");

            Assert.True(cli.AsSpan().SequenceEqual(csv), $"children of {area.Code}: the API's CSV differs from geo export's");
            Assert.Equal(area.ChildCodes.Count, AssertRowsByName(json.GetProperty("rows"), cli));
        }
    }

    [DatabaseFact]
    public async Task AreaRow_EachLevelAndPeriod_IsTheAreasRowOfTheCommandsExport()
    {
        var geography = doors.Dataset.Geography;
        var periods = doors.Dataset.Indicator(Copd).Periods;
        var exported = await CommandCsv("export", "--indicator", Copd, "--level", "place", "--period", periods[0]);
        var places = ReadCsv(exported).ToDictionary(r => r["code"]);
        foreach (var code in geography.AtLevel(Level.Place).Select(a => a.Code))
        {
            var answer = await Json($"{Api}/areas/{code}?period={Uri.EscapeDataString(periods[0])}");
            AssertRowByName(answer.GetProperty("row"), places[code]);
        }

        // Every other area and period: the two servers agree byte for byte.
        foreach (var area in geography.Areas.Where(a => a.Level < Level.Neighbourhood).Concat(geography.AtLevel(Level.Neighbourhood).Take(40)))
        {
            foreach (var period in periods)
            {
                await Bytes($"{Api}/areas/{area.Code}?period={Uri.EscapeDataString(period)}");
            }
        }
    }

    [DatabaseTheory]
    [InlineData("rate")]
    [InlineData("excess")]
    [InlineData("funnel")]
    [InlineData("gistar")]
    [InlineData("moran")]
    public async Task Hotspots_EachOrder_SameCsvBytesThroughTheCommandAndTheApiFromFilesAndStore(string by)
    {
        foreach (var within in new[] { "X54000001", "X54000002" })
        {
            var cli = await CommandCsv("hotspots", "--indicator", Copd, "--within", within, "--by", by, "--top", "40");
            var csv = await Bytes($"{Api}/areas/{within}/hotspots.csv?by={by}&top=40");
            var json = await Json($"{Api}/areas/{within}/hotspots?by={by}&top=40");

            Assert.True(cli.AsSpan().SequenceEqual(csv), $"hotspots by {by} in {within}: the API's CSV differs from geo hotspots'");
            Assert.True(AssertRowsByName(json.GetProperty("rows"), cli) > 0, $"no hotspots by {by} in {within}");
            await Bytes($"{Api}/areas/{within}/hotspots.geojson?by={by}&top=40");
        }
    }

    [DatabaseTheory]
    [InlineData("proportional")]
    [InlineData("fptp")]
    public async Task CatchmentRows_EachMethod_CommandsExportIsEachCatchmentsApiRow(string method)
    {
        var cli = ReadCsv(await CommandCsv("export", "--indicator", Copd, "--catchments", method));
        var list = await Json($"/api/catchments?method={method}");

        var withMembers = list.GetProperty("catchments").EnumerateArray()
            .Where(c => c.GetProperty("neighbourhoods").GetInt32() > 0).Select(c => c.GetProperty("provider").GetString()).ToList();
        Assert.Equal(withMembers, cli.Select(r => r["code"]));
        foreach (var row in cli)
        {
            var answer = await Json($"/api/catchments/{row["code"]}/indicators/{Copd}?method={method}");
            AssertRowByName(answer.GetProperty("row"), row);
            Assert.Equal("catchment", row["level"]);
        }

        var inside = ReadCsv(await CommandCsv("export", "--indicator", Copd, "--catchments", method, "--within", "X54000001"));
        var touching = await Json($"/api/catchments?method={method}&area=X54000001");
        Assert.Equal(touching.GetProperty("catchments").EnumerateArray().Select(c => c.GetProperty("provider").GetString()).Order(StringComparer.Ordinal),
            inside.Select(r => r["code"]).Order(StringComparer.Ordinal));
    }

    [DatabaseFact]
    public async Task CatchmentRows_Threshold_SameRowsThroughEveryDoor()
    {
        var cli = ReadCsv(await CommandCsv("export", "--indicator", Copd, "--catchments", "proportional", "--threshold", "0.2"));

        Assert.NotEmpty(cli);
        foreach (var row in cli.Take(10))
        {
            var answer = await Json($"/api/catchments/{row["code"]}/indicators/{Copd}?threshold=0.2");
            AssertRowByName(answer.GetProperty("row"), row);
        }
    }

    [DatabaseFact]
    public async Task GeoJsonExport_FromFilesAndStore_IsTheSameFileButForTheCommand()
    {
        var files = Path.Combine(doors.Folder, "files-neighbourhoods.geojson");
        var stored = Path.Combine(doors.Folder, "store-neighbourhoods.geojson");
        string[] args = ["export", "--indicator", Copd, "--level", "neighbourhood", "--format", "geojson"];

        var (a, b) = await Both([.. args, "--out", files], [.. args, "--out", stored, "--connection", doors.ConnectionString]);

        Assert.True(a.ExitCode == 0, a.Error);
        Assert.True(b.ExitCode == 0, b.Error);
        // GeoJSON carries the command that made it in its metadata; everything else must be identical.
        Assert.Equal(Command().Replace(await File.ReadAllTextAsync(files), ""), Command().Replace(await File.ReadAllTextAsync(stored), ""));
    }

    /// <summary>The use cases with no command: the server from files and the server from the store answer the same bytes.</summary>
    [DatabaseFact]
    public async Task ApiOnlyUseCases_FromFilesAndStore_AnswerTheSameBytes()
    {
        var urls = ApiOnlyUrls().ToList();
        foreach (var url in urls)
        {
            await Bytes(url, allowProblem: true);
        }

        Assert.True(urls.Count > 300, $"only {urls.Count} requests");
    }

    /// <summary>The same bad word gives the same sentence: the API's problem detail is the command's <c>error:</c> line.</summary>
    [DatabaseTheory]
    [InlineData("hotspots --indicator copd-emergency-admissions --within X54000001 --by nope", Api + "/areas/X54000001/hotspots?by=nope", 400)]
    [InlineData("hotspots --indicator copd-emergency-admissions --within X54000001 --top 0", Api + "/areas/X54000001/hotspots?top=0", 400)]
    [InlineData("hotspots --indicator copd-emergency-admissions --within X54999999", Api + "/areas/X54999999/hotspots", 404)]
    [InlineData("export --indicator copd-emergency-admissions --level ward", Api + "/levels/ward", 400)]
    [InlineData("export --indicator asthma --level place", "/api/indicators/asthma/levels/place", 404)]
    [InlineData("export --indicator copd-emergency-admissions --level place --period 1999", Api + "/levels/place?period=1999", 400)]
    [InlineData("export --indicator copd-emergency-admissions --catchments huff", "/api/catchments?method=huff", 400)]
    [InlineData("export --indicator copd-emergency-admissions --catchments proportional --threshold 1.5", "/api/catchments?threshold=1.5", 400)]
    [InlineData("export --indicator copd-emergency-admissions --catchments proportional --threshold most", "/api/catchments?threshold=most", 400)]
    [InlineData("bivariate --indicator copd-emergency-admissions --with asthma --within X54000001", Api + "/areas/X54000001/bivariate?with=asthma", 404)]
    [InlineData("bivariate --indicator copd-emergency-admissions --with copd-emergency-admissions --within X54000001 --period-y 1999",
        Api + "/areas/X54000001/bivariate?with=copd-emergency-admissions&periodY=1999", 400)]
    [InlineData("segment --indicators copd-emergency-admissions,asthma --within X54000001", "/api/areas/X54000001/segments?indicators=copd-emergency-admissions,asthma", 404)]
    [InlineData("segment --indicators copd-emergency-admissions,copd-emergency-admissions --within X54000001 --k 9",
        "/api/areas/X54000001/segments?indicators=copd-emergency-admissions,copd-emergency-admissions&k=9", 400)]
    public async Task BadWord_ThroughEveryDoor_GivesTheSameErrorText(string command, string url, int status)
    {
        var files = await doors.Files.GetAsync(url);
        var store = await doors.Store.GetAsync(url);
        var (exit, _, error) = DoorServers.Geo([.. command.Split(' '), "--out", Path.Combine(doors.Folder, "never.csv")]);

        Assert.Equal((HttpStatusCode)status, files.StatusCode);
        Assert.Equal((HttpStatusCode)status, store.StatusCode);
        var detail = JsonDocument.Parse(await files.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString();
        Assert.Equal(detail, JsonDocument.Parse(await store.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString());
        Assert.Equal(2, exit);
        Assert.Equal($"error: {detail}", error.TrimEnd('\r', '\n').Split('\n')[^1]);
    }

    private IEnumerable<string> ApiOnlyUrls()
    {
        var dataset = doors.Dataset;
        var geography = dataset.Geography;
        yield return "/api/dataset";
        yield return "/api/indicators";
        yield return "/api/areas?q=moor";
        yield return "/api/areas?q=X01&level=neighbourhood&limit=100";
        foreach (var level in new[] { "country", "system", "ics", "icb", "icp", "place", "neighbourhood", "lsoa" })
        {
            yield return $"{Api}/levels/{level}/values";
        }

        var places = geography.AtLevel(Level.Place).Select(a => a.Code).ToArray();
        yield return "/api/compare?indicator=" + Copd + "&areas=" + string.Join(",", places.Take(4));
        yield return "/api/compare?indicator=" + Copd + "&areas=X54000001,X54000002,X54000003";
        yield return "/api/compare?indicator=" + Copd + "&areas=X54000001," + places[0];
        foreach (var area in geography.Areas.Where(a => a.Level < Level.Neighbourhood).OrderBy(a => a.Code, StringComparer.Ordinal))
        {
            yield return $"/api/areas/{area.Code}";
            yield return $"/api/areas/{area.Code}/boundary";
            yield return $"{Api}/areas/{area.Code}/inequality";
            yield return $"{Api}/areas/{area.Code}/inequality?deciles=local";
            yield return $"{Api}/areas/{area.Code}/hotspot-classes?by=gistar";
            yield return $"{Api}/areas/{area.Code}/hotspot-classes?by=moran";
            yield return $"{Api}/areas/{area.Code}/children.geojson";
            yield return $"{Api}/areas/{area.Code}/bivariate?with={Copd}"; // the demo's one indicator: a reason, not pairs
            yield return $"/api/areas/{area.Code}/segments?indicators={Copd},{Copd}"; // the same: a reason, not clusters
        }

        foreach (var area in geography.AtLevel(Level.Neighbourhood).Take(40))
        {
            yield return $"/api/areas/{area.Code}";
        }

        foreach (var method in new[] { "proportional", "fptp" })
        {
            yield return $"/api/catchments?method={method}";
            yield return $"/api/catchments?method={method}&area=X54000001";
            yield return $"/api/catchments/boundaries?area=X54000001&method={method}";
            foreach (var provider in dataset.Flows!.ProviderNames.Keys.Order(StringComparer.Ordinal))
            {
                yield return $"/api/catchments/{provider}?method={method}";
                yield return $"/api/catchments/{provider}/boundary?method={method}";
            }
        }

        yield return "/api/areas/NOPE";
        yield return $"{Api}/areas/X92000001/hotspot-classes?by=rate";
        yield return $"{Api}/areas/X92000001/inequality?deciles=regional";
    }

    /// <summary>The command's CSV from files and from the store (asserted identical), as bytes.</summary>
    private async Task<byte[]> CommandCsv(params string[] args)
    {
        var name = Guid.NewGuid().ToString("N");
        var files = Path.Combine(doors.Folder, name + "-files.csv");
        var stored = Path.Combine(doors.Folder, name + "-store.csv");
        var (a, b) = await Both([.. args, "--out", files], [.. args, "--out", stored, "--connection", doors.ConnectionString]);
        Assert.True(a.ExitCode == 0, $"geo {string.Join(' ', args)}: {a.Error}");
        Assert.True(b.ExitCode == 0, $"geo {string.Join(' ', args)} --connection: {b.Error}");
        var (x, y) = (await File.ReadAllBytesAsync(files), await File.ReadAllBytesAsync(stored));
        Assert.True(x.AsSpan().SequenceEqual(y), $"geo {string.Join(' ', args)}: the CSV from the store differs from the CSV from files");
        return x;
    }

    private static async Task<((int ExitCode, string Output, string Error), (int ExitCode, string Output, string Error))> Both(string[] a, string[] b)
    {
        var left = Task.Run(() => DoorServers.Geo(a));
        var right = Task.Run(() => DoorServers.Geo(b));
        return (await left, await right);
    }

    /// <summary>The body from the server reading files and from the one reading the store (asserted identical).</summary>
    private async Task<byte[]> Bytes(string url, bool allowProblem = false)
    {
        var (a, b) = (await doors.Files.GetAsync(url), await doors.Store.GetAsync(url));
        Assert.True(a.StatusCode == b.StatusCode, $"{url}: {a.StatusCode} from files, {b.StatusCode} from PostGIS");
        Assert.True(allowProblem || a.IsSuccessStatusCode, $"{url}: {a.StatusCode}");
        Assert.True(a.Content.Headers.ContentType?.ToString() == b.Content.Headers.ContentType?.ToString(), url);
        var (x, y) = (await a.Content.ReadAsByteArrayAsync(), await b.Content.ReadAsByteArrayAsync());
        if (a.IsSuccessStatusCode)
        {
            Assert.True(x.AsSpan().SequenceEqual(y), $"{url}: the bodies differ");
        }
        else
        {
            // Problem details carry the request's own trace id.
            Assert.Equal(TraceId().Replace(Encoding.UTF8.GetString(x), ""), TraceId().Replace(Encoding.UTF8.GetString(y), ""));
        }

        return x;
    }

    private async Task<JsonElement> Json(string url)
    {
        using var document = JsonDocument.Parse(await Bytes(url));
        return document.RootElement.Clone();
    }

    /// <summary>A CSV's records as column name to cell, read with the tests' own plain reader.</summary>
    private static List<Dictionary<string, string>> ReadCsv(byte[] bytes)
    {
        var lines = Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF').Split('\n').Where(l => l.Length > 0).ToArray();
        var header = RawCsv.Split(lines[0]);
        return [.. lines.Skip(1).Select(l => RawCsv.Split(l).Select((cell, i) => (header[i], cell)).ToDictionary(p => p.Item1, p => p.cell))];
    }

    /// <summary>Asserts that the JSON rows are the CSV's records, in order, column by column; returns how many.</summary>
    private static int AssertRowsByName(JsonElement rows, byte[] csv)
    {
        var records = ReadCsv(csv);
        Assert.Equal(records.Count, rows.GetArrayLength());
        for (var i = 0; i < records.Count; i++)
        {
            AssertRowByName(rows[i], records[i]);
        }

        return records.Count;
    }

    /// <summary>A JSON row against a CSV record, each column by name: numbers written as the CSV writes them (up to 6 decimals).</summary>
    private static void AssertRowByName(JsonElement row, IReadOnlyDictionary<string, string> record)
    {
        var fields = row.EnumerateObject().ToList();
        Assert.Equal(record.Keys, fields.Select(f => f.Name));
        foreach (var field in fields)
        {
            var cell = field.Value.ValueKind switch
            {
                JsonValueKind.Null => "",
                JsonValueKind.Number => field.Value.GetDouble().ToString("0.######", CultureInfo.InvariantCulture),
                JsonValueKind.True => "true",
                JsonValueKind.False => "false",
                _ => field.Value.GetString(),
            };
            Assert.True(cell == record[field.Name], $"{record["code"]} {field.Name}: {record[field.Name]} in the CSV, {cell} in the JSON");
        }
    }

    [GeneratedRegex("\"traceId\":\"[^\"]*\"")]
    private static partial Regex TraceId();

    [GeneratedRegex("\"command\":\"(?:[^\"\\\\]|\\\\.)*\"")]
    private static partial Regex Command();
}
