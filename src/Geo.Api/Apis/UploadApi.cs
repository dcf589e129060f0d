using System.ComponentModel;
using Geo.Api.Hosting;
using Geo.Data.Upload;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Geo.Api.Apis;

/// <summary>
/// <c>POST /api/indicators</c>: a person's own indicator CSV, sent as the request body with the options in the query, becomes
/// an indicator of the dataset served for this server's lifetime (held in memory, never written to disk), or a 400 listing
/// every problem by line and field. Reading is <see cref="IndicatorUpload"/>'s (the manifest's reader); the swap is
/// <see cref="DatasetHost.AddIndicator"/>'s.
/// </summary>
public static class UploadApi
{
    private const string Curl = "curl --data-binary @admissions.csv -H 'Content-Type: text/csv' "
        + "'localhost:5000/api/indicators?id=my-copd&name=COPD%20admissions&area=lsoa21cd&count=admissions&period=year"
        + "&valueType=crude-rate&polarity=higher-is-worse'";

    public static IEndpointRouteBuilder MapUploadApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/indicators", AddIndicator)
            .WithTags("Indicators")
            .WithName("AddIndicator")
            .WithSummary("Adds your own indicator from a CSV (the request body) for the server's lifetime.")
            .WithDescription("The body is the CSV itself (Content-Type text/csv; not a multipart form), comma-separated UTF-8 with a header "
                + "row; the query names its columns and says what the figures are. The file is read in memory with the manifest's "
                + "indicator reader (docs/data.md, \"Your own data\") and, if every row is good, added as a new indicator that is "
                + "drillable, exportable and has hotspots and inequality like the others: 201 with the indicator as GET /api/indicators "
                + "lists it. Otherwise 400 with every problem (unknown codes, empty, non-numeric, negative, NaN or infinite counts, "
                + "repeated rows, missing columns, a binary file) in the problems member, each with its line and field, the first "
                + $"{IndicatorUpload.ListedProblems} listed and problemCount counting all; nothing is loaded. 413 above the upload limit "
                + "(Geo:UploadLimitBytes, 100 MB by default); 429 with Retry-After beyond Geo:UploadsPerMinute uploads a minute from one "
                + "client (5 by default); 409 when the server answers from PostgreSQL. Example: " + Curl)
            .Accepts<string>("text/csv")
            .Produces<IndicatorDto>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .RequireRateLimiting(UploadRateLimit.Policy)
            .DisableAntiforgery();
        return app;
    }

    public static async Task<Results<Created<IndicatorDto>, ProblemHttpResult>> AddIndicator(
        [Description("The new indicator's id: letters, digits, '-', '_', '.'; not one the dataset has.")] string? id,
        [Description("Its name (default: the id).")] string? name,
        [Description("crude-rate (default), proportion, dsr, isr or score.")] string? valueType,
        [Description("Default: 100000 for crude-rate and dsr, 100 for proportion and isr, 1 for score.")] double? multiplier,
        [Description("higher-is-worse, higher-is-better or no-judgement (default).")] string? polarity,
        [Description("What the codes are: neighbourhood (LSOA 2021, default), neighbourhood-2011 (LSOA 2011, when the dataset names a lookup) or place (district).")] string? areaLevel,
        [Description("Column of area codes.")] string? area,
        [Description("Column of counts (of scores, for a score).")] string? count,
        [Description("Column of denominators (default: the dataset's population).")] string? denominator,
        [Description("Column of age bands (0-4 ... 90+); needed for dsr and isr.")] string? ageBand,
        [Description("Column of periods.")] string? period,
        [Description("Without a period column: the period of every row (default 'all').")] string? periodLabel,
        [Description("Unit shown with values.")] string? unit,
        [Description("Source, as a person would cite it (default: the file name).")] string? source,
        [Description("The file's name, used in messages (default upload.csv).")] string? fileName,
        HttpContext context,
        DatasetHost host,
        IOptions<GeoOptions> settings)
    {
        var request = context.Request;
        if (host.Store is not null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Uploads need a server answering from files",
                detail: "This server answers from a PostgreSQL database shared by its users; add the indicator to the manifest and load it with "
                    + "`geo load`, or try the file with `geo serve --indicator-file` on files.",
                type: "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.10");
        }

        if (request.HasFormContentType)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Send the CSV as the body",
                detail: "Send the file itself as the request body (Content-Type: text/csv), not as a form; put the options in the query. "
                    + "Example: " + Curl,
                type: "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.16");
        }

        var limit = settings.Value.UploadLimitBytes;
        var body = await ReadBodyAsync(context, limit);
        if (body is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "File too large",
                detail: $"The file is larger than this server's upload limit of {limit / 1_048_576.0:0.#} MB (Geo:UploadLimitBytes). "
                    + "Load a larger file through a dataset manifest, or with geo serve --indicator-file.",
                type: "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.14");
        }

        var options = new IndicatorUploadOptions
        {
            Id = id,
            Name = name,
            ValueType = valueType,
            Multiplier = multiplier,
            Polarity = polarity,
            AreaLevel = areaLevel,
            Area = area,
            Count = count,
            Denominator = denominator,
            AgeBand = ageBand,
            Period = period,
            PeriodLabel = periodLabel,
            Unit = unit,
            Source = source,
        };
        // The name is only shown in messages (nothing is written to disk): its last part after either kind of slash.
        var shown = fileName?.Trim().Split('/', '\\')[^1];
        var file = string.IsNullOrWhiteSpace(shown) ? "upload.csv" : shown;
        try
        {
            var (buffer, length) = body.Value;
            var lookup = IndicatorUpload.FindLsoa11Lookup(settings.Value.Dataset, settings.Value.DataRoot);
            var added = host.AddIndicator(dataset =>
                IndicatorUpload.Read(() => new MemoryStream(buffer, 0, length, writable: false), file, options, dataset, lookup));
            var root = host.Dataset.Geography.Root.Code;
            return TypedResults.Created($"/api/indicators/{Uri.EscapeDataString(added.Definition.Id)}/areas/{root}", DatasetApi.Indicator(added));
        }
        catch (IndicatorUploadException e)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The file cannot be loaded",
                detail: e.Summary,
                type: "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.1",
                extensions: new Dictionary<string, object?>
                {
                    ["problems"] = e.Problems.Select(p => new UploadProblemDto(p.Line, p.Field, p.Message)).ToArray(),
                    ["problemCount"] = e.Count,
                });
        }
    }

    /// <summary>The body in memory, or null when it is larger than <paramref name="limit"/> bytes.</summary>
    private static async Task<(byte[] Buffer, int Length)?> ReadBodyAsync(HttpContext context, long limit)
    {
        if (context.Request.ContentLength > limit)
        {
            return null;
        }

        // Kestrel's own limit (30 MB by default) would cut a big file short: this endpoint has its own.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = limit + 1;
        }

        using var memory = new MemoryStream(context.Request.ContentLength is { } known ? (int)known : 1 << 16);
        var chunk = new byte[1 << 16];
        int read;
        while ((read = await context.Request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
        {
            if (memory.Length + read > limit)
            {
                return null;
            }

            memory.Write(chunk, 0, read);
        }

        return (memory.GetBuffer(), (int)memory.Length);
    }
}
