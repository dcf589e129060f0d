using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Geo.Api.Tests.Hosting;

public class ProblemDetailsTests(DemoApiFactory factory) : IClassFixture<DemoApiFactory>
{
    [Fact]
    public async Task UnexpectedException_InProduction_Is500ProblemDetailsWithoutStackTrace()
    {
        using var production = factory.WithWebHostBuilder(b => b
            .UseEnvironment("Production")
            .ConfigureServices(s => s.AddSingleton<IStartupFilter, ThrowingStartupFilter>()));

        var response = await production.CreateClient().GetAsync("/boom");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal(500, problem.GetProperty("status").GetInt32());
        Assert.DoesNotContain("Kaboom", body, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", body, StringComparison.Ordinal);
        Assert.DoesNotContain(nameof(ThrowingStartupFilter), body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownRoute_Is404ProblemDetails()
    {
        var response = await factory.CreateClient().GetAsync("/api/nothing-here");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(404, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetInt32());
    }

    /// <summary>Appends, after the app's own pipeline, a step that throws for <c>/boom</c>: it runs inside the
    /// app's exception handler because no endpoint matches that path.</summary>
    private sealed class ThrowingStartupFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Run(context => context.Request.Path == "/boom"
                ? throw new InvalidOperationException("Kaboom: a secret detail")
                : Task.CompletedTask);
        };
    }
}
