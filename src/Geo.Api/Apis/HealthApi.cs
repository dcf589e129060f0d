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
                return TypedResults.Ok(new HealthDto(
                    "ok", dataset.Name, dataset.Synthetic, dataset.Geography.Count, host.Tiles.IsReady ? "ready" : "preparing"));
            })
            .WithTags("Health")
            .WithName("GetHealth")
            .WithSummary("Whether the server is up, and the dataset it serves.")
            .WithDescription("Answers once the dataset is loaded: status ok, the dataset's name, whether it is synthetic, how many "
                + "areas it holds, and tiles: ready once every level's zoom bands are simplified (geo serve does it in the "
                + "background after start), so that no tile waits; preparing until then. Never cached; for load balancers "
                + "and scripts that wait for the server.");
        ApiExamples.Add(route, "/api/health");
        return app;
    }
}
