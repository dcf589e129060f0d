using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Geo.Api.Tests.Hosting;

/// <summary>
/// Walks every endpoint the OpenAPI document lists with bad parameters (unknown codes, levels and indicators,
/// injection strings, 10 KB and repeated query parameters, bad tile coordinates, wrong methods) and checks each answer:
/// RFC 9457 problem details with the status this class expects, no stack trace or .NET type names, and the security
/// headers. The expected statuses are written here by parameter name, not taken from the server.
/// </summary>
public sealed class HttpSurfaceTests : IClassFixture<HttpSurfaceTests.Server>
{
    /// <summary>What a hostile or careless client sends in place of a code, a level or a number.</summary>
    private static readonly string[] Hostile = ["' OR 1=1--", "<script>alert(1)</script>", "../../etc/passwd", "nonexistent-9", "%00", "\u00e9\u4e2d"];

    private static readonly string TenKilobytes = new('A', 10 * 1024);

    /// <summary>Expected status for a bad value of a path parameter, by its name (and, for level, the route's root).</summary>
    private static int PathStatus(string path, string parameter) => parameter switch
    {
        "code" or "id" or "provider" or "collectionId" or "featureId" => 404,
        "level" => path.StartsWith("/tiles", StringComparison.Ordinal) ? 404 : 400,
        "z" or "x" or "y" => 400,
        _ => throw new InvalidOperationException($"the walk has no expectation for path parameter '{parameter}' of {path}: add one"),
    };

    /// <summary>Expected status for a bad value of a query parameter; null where any text is a fair question (a search).</summary>
    private static int? QueryStatus(string path, string parameter) => parameter switch
    {
        "indicator" or "area" or "with" or "indicators" => 404,
        // a tile level is a resource, as in the tiles' own paths: an unknown one is not found
        "level" when path.StartsWith("/tiles", StringComparison.Ordinal) => 404,
        "areas" or "period" or "by" or "method" or "threshold" or "top" or "limit" or "level" or "deciles" => 400,
        "pool" or "chart" or "bbox" or "offset" or "fields" or "format" or "funnel" or "periodX" or "periodY" => 400,
        "k" or "seed" => 400,
        // OGC API - Features: datetime is accepted and ignored (the data have no time axis a client could filter on)
        "q" or "v" or "datetime" => null,
        _ => throw new InvalidOperationException($"the walk has no expectation for query parameter '{parameter}' of {path}: add one"),
    };

    private readonly HttpClient _client;
    private readonly IReadOnlyList<Operation> _operations;

    public HttpSurfaceTests(Server server)
    {
        ArgumentNullException.ThrowIfNull(server);
        _client = server.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        _operations = server.Operations(_client);
    }

    [Fact]
    public void OpenApi_ListsTheEndpointsTheWalkCovers()
    {
        // the walk must not silently shrink: these routes are the API's resources
        var paths = _operations.Select(o => o.Path).ToHashSet();
        foreach (var expected in new[] { "/api/areas/{code}", "/api/indicators/{id}/areas/{code}/children", "/tiles/{level}/{z}/{x}/{y}.mvt", "/api/catchments/{provider}/indicators/{id}", "/api/compare",
            "/api/indicators/{id}/areas/{code}/quality", "/api/indicators/{id}/areas/{code}/age-rates", "/api/areas/{code}/population" })
        {
            Assert.Contains(expected, paths);
        }

        Assert.True(_operations.Count >= 25, $"only {_operations.Count} operations in /openapi/v1.json");
    }

    [Fact]
    public async Task EveryEndpoint_GoodExample_AnswersWithoutError()
    {
        foreach (var op in _operations.Where(o => o.Method == "GET"))
        {
            var response = await _client.GetAsync(op.Url());
            Assert.True((int)response.StatusCode < 400, $"{op.Url()}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            AssertSecurityHeaders(response, op.Url());
        }
    }

    [Fact]
    public async Task EveryPathParameter_HostileValues_AnswerProblemDetailsWithTheRightStatus()
    {
        foreach (var op in _operations.Where(o => o.Method == "GET"))
        {
            foreach (var parameter in op.PathParameters)
            {
                foreach (var value in Hostile.Append("-1").Append("99999999999"))
                {
                    var url = op.Url(path: new() { [parameter] = value });
                    await AssertProblem(await _client.GetAsync(url), url, PathStatus(op.Path, parameter));
                }
            }
        }
    }

    [Fact]
    public async Task EveryQueryParameter_HostileHugeAndRepeatedValues_AnswerProblemDetailsWithTheRightStatus()
    {
        foreach (var op in _operations.Where(o => o.Method == "GET"))
        {
            foreach (var parameter in op.QueryParameters)
            {
                var expected = QueryStatus(op.Path, parameter);
                foreach (var value in Hostile)
                {
                    var url = op.Url(query: new() { [parameter] = [value] });
                    await AssertProblem(await _client.GetAsync(url), url, expected);
                }

                var huge = op.Url(query: new() { [parameter] = [TenKilobytes] });
                await AssertProblem(await _client.GetAsync(huge), $"{op.Path}?{parameter}=<10 KB>", 414);

                if (op.Examples.TryGetValue(parameter, out var good))
                {
                    // a repeated parameter is read as its values joined by commas: never a good value, so a 400 or,
                    // for codes, a 404, never a guess
                    var twice = op.Url(query: new() { [parameter] = [good, good == "1" ? "2" : "1"] });
                    await AssertProblem(await _client.GetAsync(twice), twice, expected is null ? null : [400, 404]);
                }
            }
        }
    }

    [Theory]
    [InlineData("/tiles/place/-1/0/0.mvt")]
    [InlineData("/tiles/place/0/-1/0.mvt")]
    [InlineData("/tiles/place/0/0/-1.mvt")]
    [InlineData("/tiles/place/3/8/0.mvt")]
    [InlineData("/tiles/place/3/0/8.mvt")]
    [InlineData("/tiles/place/25/0/0.mvt")]
    [InlineData("/tiles/place/30/1073741823/0.mvt")]
    [InlineData("/tiles/place/2147483648/0/0.mvt")]
    [InlineData("/tiles/place/1.5/0/0.mvt")]
    public async Task Tile_BadCoordinates_Are400ProblemDetails(string url) =>
        await AssertProblem(await _client.GetAsync(url), url, 400);

    [Fact]
    public async Task EveryPath_WrongMethods_Are405ProblemDetailsWithAllow()
    {
        foreach (var group in _operations.GroupBy(o => o.Path))
        {
            var allowed = group.Select(o => o.Method).ToHashSet();
            var url = group.First().Url();
            foreach (var method in new[] { "GET", "POST", "PUT", "DELETE", "PATCH" }.Where(m => !allowed.Contains(m)))
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), url) { Content = new StringContent("x") };
                var response = await _client.SendAsync(request);
                await AssertProblem(response, $"{method} {url}", 405);
                Assert.True(response.Content.Headers.Allow.Count > 0 || response.Headers.Contains("Allow"), $"{method} {url}: no Allow header");
            }
        }
    }

    [Fact]
    public async Task UnknownPathsAndTraversal_Are404ProblemDetails()
    {
        foreach (var url in new[] { "/api/nothing", "/..%2F..%2Fetc%2Fpasswd", "/%2e%2e/%2e%2e/etc/passwd", "/viewer/../../appsettings.json", "/appsettings.json", "/geo.dll" })
        {
            await AssertProblem(await _client.GetAsync(url), url, 404);
        }
    }

    [Fact]
    public async Task HugePath_Is414ProblemDetails()
    {
        var url = "/api/areas/" + TenKilobytes;
        await AssertProblem(await _client.GetAsync(url), "/api/areas/<10 KB>", 414);
    }

    [Fact]
    public async Task Viewer_HasAContentSecurityPolicyOfItsOwnOriginOnly()
    {
        var response = await _client.GetAsync("/");
        var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));

        // written out here, directive by directive: scripts, workers, styles, data requests only from the server itself
        Assert.Contains("default-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("worker-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("style-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("connect-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("blob:", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("*", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("http", policy, StringComparison.Ordinal);
        AssertSecurityHeaders(response, "/");
    }

    [Fact]
    public async Task Reference_HasNoScriptsAndAPolicyAllowingNone()
    {
        var response = await _client.GetAsync("/docs");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("<script", body, StringComparison.OrdinalIgnoreCase);
        var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'none'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("script-src", policy, StringComparison.Ordinal);
        AssertSecurityHeaders(response, "/docs");
    }

    [Fact]
    public async Task ApiAnswers_AllowNothingToLoadOrFrame()
    {
        foreach (var url in new[] { "/api/dataset", "/openapi/v1.json", "/api/areas/nothing", "/tiles/place.json" })
        {
            var response = await _client.GetAsync(url);
            var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("default-src 'none'", policy, StringComparison.Ordinal);
            Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
            AssertSecurityHeaders(response, url);
        }
    }

    private static Task AssertProblem(HttpResponseMessage response, string what, int? expected) =>
        AssertProblem(response, what, expected is { } e ? [e] : null);

    /// <summary>A problem-details answer with one of <paramref name="expected"/>; with null, any answer below 500 (a 4xx as problem details).</summary>
    private static async Task AssertProblem(HttpResponseMessage response, string what, int[]? expected)
    {
        var status = (int)response.StatusCode;
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status < 500, $"{what}: {status} {body}");
        AssertSecurityHeaders(response, what);
        if (expected is null && status < 400)
        {
            AssertNoInternals(body, what);
            return;
        }

        Assert.True(expected is null || expected.Contains(status), $"{what}: expected {string.Join(" or ", expected ?? [])}, got {status} {body}");
        Assert.True(response.Content.Headers.ContentType?.MediaType == "application/problem+json",
            $"{what}: {status} answered as {response.Content.Headers.ContentType} {body}");
        using var json = JsonDocument.Parse(body);
        Assert.Equal(status, json.RootElement.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(json.RootElement.GetProperty("title").GetString()), what);
        AssertNoInternals(body, what);
    }

    private static void AssertNoInternals(string body, string what)
    {
        foreach (var tell in new[] { "   at ", "Exception", "System.", "Microsoft.", "Nullable<", "Geo.Api", "Geo.Query", "Geo.Data", "StackTrace", "Int32", "String " })
        {
            Assert.False(body.Contains(tell, StringComparison.Ordinal), $"{what}: the answer shows '{tell}': {body[..Math.Min(body.Length, 400)]}");
        }
    }

    private static void AssertSecurityHeaders(HttpResponseMessage response, string what)
    {
        Assert.True(response.Headers.TryGetValues("X-Content-Type-Options", out var sniff) && sniff.Single() == "nosniff", $"{what}: no X-Content-Type-Options: nosniff");
        Assert.True(response.Headers.TryGetValues("Referrer-Policy", out var referrer) && referrer.Single() is "no-referrer" or "same-origin",
            $"{what}: no Referrer-Policy");
        Assert.True(response.Headers.Contains("Content-Security-Policy"), $"{what}: no Content-Security-Policy");
    }

    /// <summary>One operation of the OpenAPI document, with the example value of each parameter.</summary>
    internal sealed record Operation(string Method, string Path, IReadOnlyList<string> PathParameters, IReadOnlyList<string> QueryParameters,
        IReadOnlyDictionary<string, string> Examples)
    {
        /// <summary>The URL with every path parameter and example query parameter filled, some replaced.</summary>
        public string Url(Dictionary<string, string>? path = null, Dictionary<string, string[]>? query = null)
        {
            var url = Path;
            foreach (var p in PathParameters)
            {
                var value = path?.GetValueOrDefault(p) ?? Examples[p];
                url = url.Replace("{" + p + "}", Uri.EscapeDataString(value), StringComparison.Ordinal);
            }

            var pairs = new List<string>();
            foreach (var q in QueryParameters)
            {
                if (query?.TryGetValue(q, out var values) == true)
                {
                    pairs.AddRange(values.Select(v => $"{q}={Uri.EscapeDataString(v)}"));
                }
                else if (Examples.TryGetValue(q, out var example))
                {
                    pairs.Add($"{q}={Uri.EscapeDataString(example)}");
                }
            }

            return pairs.Count == 0 ? url : url + "?" + string.Join('&', pairs);
        }
    }

    /// <summary>The demo server, with uploads not rate-limited (the walk posts many), and its OpenAPI operations.</summary>
    public sealed class Server : WebApplicationFactory<Program>
    {
        private IReadOnlyList<Operation>? _operations;

        /// <summary>Good values where the document gives none: a tile that exists, a level, a period.</summary>
        private static readonly Dictionary<string, string> Fallback = new()
        {
            ["level"] = "place",
            ["z"] = "0",
            ["x"] = "0",
            ["y"] = "0",
            ["period"] = "2023/24",
            ["threshold"] = "0.3",
            ["method"] = "proportional",
        };

        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder) =>
            builder.UseSetting("Geo:UploadsPerMinute", "1000");

        internal IReadOnlyList<Operation> Operations(HttpClient client)
        {
            if (_operations is not null)
            {
                return _operations;
            }

            using var document = JsonDocument.Parse(client.GetStringAsync("/openapi/v1.json").GetAwaiter().GetResult());
            var operations = new List<Operation>();
            foreach (var path in document.RootElement.GetProperty("paths").EnumerateObject())
            {
                foreach (var method in path.Value.EnumerateObject())
                {
                    var pathParameters = new List<string>();
                    var queryParameters = new List<string>();
                    var examples = new Dictionary<string, string>();
                    if (method.Value.TryGetProperty("parameters", out var parameters))
                    {
                        foreach (var p in parameters.EnumerateArray())
                        {
                            var name = p.GetProperty("name").GetString()!;
                            (p.GetProperty("in").GetString() == "path" ? pathParameters : queryParameters).Add(name);
                            if (p.TryGetProperty("example", out var example))
                            {
                                examples[name] = example.ValueKind == JsonValueKind.String ? example.GetString()! : example.GetRawText();
                            }
                            else if (Fallback.TryGetValue(name, out var fallback) && p.GetProperty("in").GetString() == "path")
                            {
                                examples[name] = fallback;
                            }
                        }
                    }

                    operations.Add(new Operation(method.Name.ToUpperInvariant(), path.Name, pathParameters, queryParameters, examples));
                }
            }

            return _operations = operations;
        }
    }
}
