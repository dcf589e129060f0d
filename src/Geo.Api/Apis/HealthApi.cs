using Geo.Api.Hosting;

namespace Geo.Api.Apis;

/// <summary><c>GET /api/health</c>: the server is up and which dataset it serves.</summary>
public static class HealthApi
{
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/health", (DatasetHost host) =>
            {
                var dataset = host.Dataset;
                return TypedResults.Ok(new HealthDto("ok", dataset.Name, dataset.Synthetic, dataset.Geography.Count));
            })
            .WithName("GetHealth")
            .WithSummary("Whether the server is up, and the dataset it serves.");
        return app;
    }
}
