using Geo.Tests;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Geo.Api.Tests;

/// <summary>
/// The real server on tests/fixtures/quality: the six hand-worked squares with population in three age bands, a falls
/// indicator by age band and admissions by 2011 neighbourhood, whose quality, population and age-specific figures the tests
/// work out by hand. Shared by a test class.
/// </summary>
public sealed class QualityApiFactory : WebApplicationFactory<Program>
{
    public static string Folder => Path.Combine(SharedData.RepositoryRoot, "tests", "fixtures", "quality");

    protected override void ConfigureWebHost(IWebHostBuilder builder) =>
        builder.UseSetting("Geo:Dataset", Path.Combine(Folder, "quality.dataset.json"));
}

/// <summary>The real server on tests/fixtures/apportion: one district split between two systems, data by district.</summary>
public sealed class ApportionApiFactory : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder) =>
        builder.UseSetting("Geo:Dataset", Path.Combine(SharedData.RepositoryRoot, "tests", "fixtures", "apportion", "apportion.dataset.json"));
}
