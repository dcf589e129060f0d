using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Geo.Api.Tests.Upload;

/// <summary>POST /api/indicators: the user's own CSV, as the viewer and curl send it.</summary>
public sealed class UploadApiTests
{
    private const string Query = "?id=" + UploadFiles.Id + "&name=My%20admissions&area=LSOA21CD&count=admissions&denominator=population"
        + "&period=year&valueType=crude-rate&polarity=higher-is-worse&fileName=mine.csv";

    private static WebApplicationFactory<Program> Server(string? manifest = null, long? limit = null) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            if (manifest is not null)
            {
                b.UseSetting("Geo:Dataset", manifest);
            }

            if (limit is not null)
            {
                b.UseSetting("Geo:UploadLimitBytes", limit.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        });

    private static StringContent CsvBody(string text) => new(text, Encoding.UTF8, "text/csv");

    [Fact]
    public async Task Upload_GoodFile_Answers201AndTheIndicatorIsListedDrillableWithHotspots()
    {
        using var server = Server();
        var client = server.CreateClient();
        var before = await client.GetStringAsync("/api/indicators"); // cached by the output cache: must not stay stale

        var response = await client.PostAsync("/api/indicators" + Query, CsvBody(UploadFiles.Csv()));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var added = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(UploadFiles.Id, added.GetProperty("id").GetString());
        Assert.Equal("crude-rate", added.GetProperty("valueType").GetString());
        Assert.Equal(100000, added.GetProperty("multiplier").GetDouble());
        Assert.Equal(["2022", "2023"], added.GetProperty("periods").EnumerateArray().Select(p => p.GetString()));
        Assert.DoesNotContain(UploadFiles.Id, before, StringComparison.Ordinal);
        Assert.Contains(UploadFiles.Id, await client.GetStringAsync("/api/indicators"), StringComparison.Ordinal);

        // X01000001 in 2023: (1 * 7 + 2023) % 23 = 6 admissions of 1,013 people
        var area = await client.GetFromJsonAsync<JsonElement>($"/api/indicators/{UploadFiles.Id}/areas/X01000001?period=2023");
        Assert.Equal(JsonValueKind.Null, area.GetProperty("row").GetProperty("count").ValueKind); // 6 is suppressed (1-7)
        var x2 = await client.GetFromJsonAsync<JsonElement>($"/api/indicators/{UploadFiles.Id}/areas/X01000002?period=2023");
        // X01000002 in 2023: (14 + 2023) % 23 = 13 of 1,026: 13 / 1026 × 100,000 = 1267.056530...
        Assert.Equal(13, x2.GetProperty("row").GetProperty("count").GetDouble());
        Assert.Equal(1026, x2.GetProperty("row").GetProperty("denominator").GetDouble());
        Assert.Equal(1267.05653, x2.GetProperty("row").GetProperty("value").GetDouble(), 4);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/indicators/{UploadFiles.Id}/areas/X54000002/hotspots?by=excess")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/indicators/{UploadFiles.Id}/areas/X92000001/inequality")).StatusCode);
    }

    [Fact]
    public async Task Upload_FileWithSeveralFaults_Answers400NamingEachLineAndFieldAndLoadsNothing()
    {
        using var server = Server();
        var client = server.CreateClient();
        const string csv = "LSOA21CD,year,admissions,population\n"
            + "X01000001,2023,5,1500\n"      // line 2: good
            + "E01999999,2023,5,1500\n"      // line 3: unknown code
            + "X01000002,2023,abc,1500\n"    // line 4: not a number
            + "X01000003,2023,-3,1500\n"     // line 5: negative
            + "X01000004,2023,NaN,1500\n"    // line 6: NaN
            + "X01000005,2023,5,Infinity\n"  // line 7: infinite denominator
            + "X01000001,2023,6,1500\n"      // line 8: a second row for line 2's area and period
            + "X01000006,2023,4,0\n";        // line 9: denominator 0

        var response = await client.PostAsync("/api/indicators" + Query, CsvBody(csv));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(7, problem.GetProperty("problemCount").GetInt32());
        var listed = problem.GetProperty("problems").EnumerateArray()
            .Select(p => (p.GetProperty("line").GetInt64(), p.GetProperty("field").GetString(), p.GetProperty("message").GetString()!))
            .ToArray();
        Assert.Equal([3L, 4, 5, 6, 7, 8, 9], listed.Select(p => p.Item1));
        Assert.Equal(["LSOA21CD", "admissions", "admissions", "admissions", "population", "LSOA21CD", "population"], listed.Select(p => p.Item2));
        Assert.Contains("E01999999", listed[0].Item3, StringComparison.Ordinal);
        Assert.Contains("not a number", listed[1].Item3, StringComparison.Ordinal);
        Assert.Contains("negative", listed[2].Item3, StringComparison.Ordinal);
        Assert.Contains("'NaN' is not a number", listed[3].Item3, StringComparison.Ordinal);
        Assert.Contains("'Infinity' is not a number", listed[4].Item3, StringComparison.Ordinal);
        Assert.Contains("also at line 2", listed[5].Item3, StringComparison.Ordinal);
        Assert.Contains("more than 0", listed[6].Item3, StringComparison.Ordinal);
        Assert.DoesNotContain(UploadFiles.Id, await client.GetStringAsync("/api/indicators"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/indicators/{UploadFiles.Id}/areas/X92000001")).StatusCode);
    }

    [Fact]
    public async Task Upload_MissingColumnsBinaryFileAndTakenId_AreReportedByField()
    {
        using var server = Server();
        var client = server.CreateClient();

        var missing = await (await client.PostAsync("/api/indicators?id=x&area=lsoa&count=n&period=year", CsvBody("LSOA21CD,year,admissions\nX01000001,2023,5\n")))
            .Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(["lsoa", "n"], missing.GetProperty("problems").EnumerateArray().Select(p => p.GetProperty("field").GetString()));
        Assert.All(missing.GetProperty("problems").EnumerateArray(), p => Assert.Equal(1, p.GetProperty("line").GetInt64()));

        var binary = new ByteArrayContent([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0x00, 0x00]);
        binary.Headers.ContentType = new("text/csv");
        var zip = await client.PostAsync("/api/indicators" + Query, binary);
        Assert.Equal(HttpStatusCode.BadRequest, zip.StatusCode);
        Assert.Contains("not CSV text", await zip.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var taken = await client.PostAsync("/api/indicators?id=COPD-emergency-admissions&area=LSOA21CD&count=admissions", CsvBody(UploadFiles.Csv()));
        var takenProblem = await taken.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("id", takenProblem.GetProperty("problems")[0].GetProperty("field").GetString());
        Assert.Contains("already an indicator", takenProblem.GetProperty("problems")[0].GetProperty("message").GetString(), StringComparison.Ordinal);

        using var form = new MultipartFormDataContent { { CsvBody(UploadFiles.Csv()), "file", "mine.csv" } };
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await client.PostAsync("/api/indicators" + Query, form)).StatusCode);
    }

    [Fact]
    public async Task Upload_AboveTheLimit_Answers413AndLoadsNothing()
    {
        using var server = Server(limit: 1000);
        var client = server.CreateClient();
        var csv = UploadFiles.Csv();
        Assert.True(Encoding.UTF8.GetByteCount(csv) > 1000);

        var response = await client.PostAsync("/api/indicators" + Query, CsvBody(csv));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("upload limit", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(UploadFiles.Id, await client.GetStringAsync("/api/indicators"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_ExportsEqualThoseOfTheSameFileLoadedThroughAManifest()
    {
        var (plain, withEntry, csvPath) = UploadFiles.Write();
        using var uploaded = Server(plain);
        using var manifest = Server(withEntry);
        var upload = uploaded.CreateClient();
        var posted = await upload.PostAsync("/api/indicators" + Query, CsvBody(await File.ReadAllTextAsync(csvPath)));
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);

        foreach (var url in new[]
        {
            $"/api/indicators/{UploadFiles.Id}/areas/X92000001/children.csv?period=2023",
            $"/api/indicators/{UploadFiles.Id}/areas/X54000002/children.csv?period=2022",
            $"/api/indicators/{UploadFiles.Id}/areas/X54000002/hotspots.csv?by=excess",
        })
        {
            var expected = await manifest.CreateClient().GetByteArrayAsync(url);
            var actual = await upload.GetByteArrayAsync(url);
            Assert.True(expected.Length > 200, url);
            Assert.True(expected.AsSpan().SequenceEqual(actual), url);
        }

        // Every level's rows (the metadata names the source, which differs: "uploaded file mine.csv").
        foreach (var level in new[] { "system", "icp", "place", "neighbourhood" })
        {
            var url = $"/api/indicators/{UploadFiles.Id}/levels/{level}?period=2023";
            var expected = (await manifest.CreateClient().GetFromJsonAsync<JsonElement>(url)).GetProperty("rows").GetRawText();
            var actual = (await upload.GetFromJsonAsync<JsonElement>(url)).GetProperty("rows").GetRawText();
            Assert.Equal(expected, actual);
        }
    }
}
