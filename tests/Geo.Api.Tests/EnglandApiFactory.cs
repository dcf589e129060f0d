using System.Net;
using System.Text.Json;
using Geo.Api.Hosting;
using Geo.Model;
using Geo.Tests;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Geo.Api.Tests;

/// <summary>
/// The real server on full England (data/england.dataset.json over ../shared/data/england), in memory, loaded once
/// for every test of the "England" collection and only when one of them runs (they skip without the data).
/// </summary>
public sealed class EnglandApiFactory : IDisposable
{
    private readonly WebApplicationFactory<Program> _base = new();
    private readonly Lazy<WebApplicationFactory<Program>> _england;

    public EnglandApiFactory() => _england = new(() => _base.WithWebHostBuilder(b => b
        .UseSetting("Geo:Dataset", Path.Combine(SharedData.RepositoryRoot, "data", "england.dataset.json"))
        .UseSetting("Geo:DataRoot", SharedData.EnglandDirectory)));

    public WebApplicationFactory<Program> Factory => _england.Value;

    public Dataset Dataset => Factory.Services.GetRequiredService<DatasetHost>().Dataset;

    /// <summary>GETs <paramref name="url"/>, asserts 200 (with the body in the message) and parses the JSON.</summary>
    public async Task<JsonElement> Json(string url)
    {
        var response = await Factory.CreateClient().GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    public void Dispose()
    {
        if (_england.IsValueCreated)
        {
            _england.Value.Dispose();
        }

        _base.Dispose();
    }
}

/// <summary>Test classes that share one England server.</summary>
[CollectionDefinition(Name)]
public sealed class EnglandCollection : ICollectionFixture<EnglandApiFactory>
{
    public const string Name = "England";
}
