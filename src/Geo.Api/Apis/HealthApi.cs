using Geo.Api.Hosting;

namespace Geo.Api.Apis;

/// <summary><c>GET /api/health</c>: the server is up and which dataset it serves.</summary>
public static class HealthApi
{
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        var route = app.MapGet("/api/health", (DatasetHost host) =>
            {
                var dataset = host.Dataset;
                return TypedResults.Ok(new HealthDto("ok", dataset.Name, dataset.Synthetic, dataset.Geography.Count));
            })
            .WithTags("Health")
            .WithName("GetHealth")
            .WithSummary("Whether the server is up, and the dataset it serves.")
            .WithDescription("Answers once the dataset is loaded: status ok, the dataset's name, whether it is synthetic and how many "
                + "areas it holds. Never cached; for load balancers and scripts that wait for the server.");
        ApiExamples.Add(route, "/api/health");
        return app;
    }
}
