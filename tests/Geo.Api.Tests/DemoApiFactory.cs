using Microsoft.AspNetCore.Mvc.Testing;

namespace Geo.Api.Tests;

/// <summary>The real server on the embedded demo dataset, in memory. Shared by a test class.</summary>
public sealed class DemoApiFactory : WebApplicationFactory<Program>;
