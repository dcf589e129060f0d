using Geo.Api.Apis;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;

namespace Geo.Api.Hosting;

/// <summary>Builds the web application: services, problem details, then each resource's endpoints.</summary>
public static class GeoServer
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestLineSize = UrlLengthLimit.KestrelRequestLineBytes);
        builder.Services.AddOptions<GeoOptions>()
            .Bind(builder.Configuration.GetSection(GeoOptions.Section))
            .Validate(o => !string.IsNullOrWhiteSpace(o.Connection) || string.IsNullOrWhiteSpace(o.Dataset) || File.Exists(o.Dataset),
                "Geo:Dataset names a manifest file that does not exist.")
            .ValidateOnStart();
        builder.Services.AddSingleton<DatasetHost>();
        // The tiles of the dataset being served now (a database's dataset can be replaced while serving).
        builder.Services.AddTransient(services => services.GetRequiredService<DatasetHost>().Tiles);
        builder.Services.AddHostedService<DatabaseMonitor>();
        builder.Services.AddSingleton<ApiExamples>();
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, ApiJsonContext.Default));
        // Binding failures throw, so that ApiExceptionHandler can answer with the parameter's name.
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<ApiExceptionHandler>();
        builder.Services.AddRateLimiter(UploadRateLimit.Configure);
        builder.Services.AddResponseCompression(ResponseCompression.Configure);
        builder.Services.AddOpenApi(o =>
        {
            o.AddOperationTransformer<OpenApiExampleTransformer>();
            o.AddOperationTransformer<LevelAnswerTransformer>();
            o.AddSchemaTransformer<IndicatorRowSchemaTransformer>();
        });
        configure?.Invoke(builder);
        if (!builder.Configuration.GetValue<bool>($"{GeoOptions.Section}:{nameof(GeoOptions.Verbose)}"))
        {
            // a quiet console: start-up, dataset and one line a request (RequestLog); --verbose for the framework's own
            builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
            builder.Logging.AddSimpleConsole(o =>
            {
                o.SingleLine = true;
                o.TimestampFormat = "HH:mm:ss ";
            });
        }

        var app = builder.Build();
        app.UseRequestLog();
        app.UseSecurityHeaders();
        app.UseUrlLengthLimit();
        // data answers and tiles kept compressed once (outside the per-response compression, which then sees them plain);
        // other answers (the viewer's files, errors, /docs) compressed per response
        app.UseCompressedAnswers();
        app.UseResponseCompression();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        // The map viewer (web/, built into viewer/ beside the server): index.html at /. Views live in the
        // URL's hash, so no route needs a fallback. Revalidated on every load: its file names carry no hash.
        var viewerRoot = Path.Combine(AppContext.BaseDirectory, "viewer");
        if (Directory.Exists(viewerRoot))
        {
            var viewer = new PhysicalFileProvider(viewerRoot);
            app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = viewer });
            app.UseStaticFiles(new StaticFileOptions
            {
                FileProvider = viewer,
                OnPrepareResponse = context => context.Context.Response.Headers.CacheControl = "no-cache",
            });
        }

        app.UseRateLimiter();
        app.UseDatabaseGate();
        app.UseApiCaching();

        app.MapHealthApi();
        app.MapDatasetApi();
        app.MapAreasApi();
        app.MapTilesApi();
        app.MapIndicatorsApi();
        app.MapUploadApi();
        app.MapInequalityApi();
        app.MapHotspotClassesApi();
        app.MapCatchmentsApi();
        app.MapCompareApi();
        app.MapTrendsApi();
        app.MapBivariateApi();
        app.MapSegmentsApi();
        app.MapQualityApi();
        app.MapFeaturesApi();
        app.MapOpenApi();
        app.MapReferenceApi();
        return app;
    }

    /// <summary>Loads the dataset now, so the first request doesn't wait and a bad file stops start-up.</summary>
    public static void LoadDataset(this WebApplication app)
    {
        var host = app.Services.GetRequiredService<DatasetHost>();
        if (host.Store is not null)
        {
            // A database that is away now is not fatal: the server answers 503 until it returns.
            host.RefreshAsync().GetAwaiter().GetResult();
            return;
        }

        _ = host.Dataset;
        if (app.Services.GetRequiredService<IOptions<GeoOptions>>().Value.WarmTiles)
        {
            WarmTiles(host.Tiles, app.Logger, app.Lifetime.ApplicationStopping);
        }
    }

    /// <summary>
    /// Simplifies each level's zoom bands one after another on a background thread, coarse levels and low
    /// zooms first (what a map shows first); /api/health says tiles "ready" when done. A request for a band not yet
    /// built simply builds it itself.
    /// </summary>
    private static void WarmTiles(Geo.Tiles.TileCatalog catalog, ILogger logger, CancellationToken stopping) =>
        _ = Task.Run(() =>
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            catalog.Prepare(stopping);

            logger.LogInformation("Tile bands of every level ready in {Seconds:F1} s.", clock.Elapsed.TotalSeconds);
        }, stopping);
}
