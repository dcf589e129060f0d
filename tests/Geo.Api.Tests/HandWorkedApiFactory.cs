using Geo.Tests;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Geo.Api.Tests;

/// <summary>
/// The real server on tests/fixtures/handworked: six neighbourhoods in three places and two systems, with round counts
/// whose every published figure the tests work out by hand. Shared by a test class.
/// </summary>
public sealed class HandWorkedApiFactory : WebApplicationFactory<Program>
{
    public static string Folder => Path.Combine(SharedData.RepositoryRoot, "tests", "fixtures", "handworked");

    protected override void ConfigureWebHost(IWebHostBuilder builder) =>
        builder.UseSetting("Geo:Dataset", Path.Combine(Folder, "handworked.dataset.json"));
}
