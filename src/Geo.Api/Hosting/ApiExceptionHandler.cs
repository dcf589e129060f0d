using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Geo.Api.Hosting;

/// <summary>
/// Turns exceptions into problem details at the HTTP edge: a request that cannot be bound (e.g. a
/// number that is not one) is a 400 naming the parameter; anything else is a 500 that says only that
/// something failed and gives the trace id. Never a stack trace. Stateless.
/// </summary>
public sealed partial class ApiExceptionHandler(IProblemDetailsService problems, DatasetHost host, ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    private const int MaxValueShown = 100;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ProblemDetails problem;
        if (exception is BadHttpRequestException bad)
        {
            httpContext.Response.StatusCode = bad.StatusCode;
            var (parameter, detail) = Describe(bad.Message);
            problem = new ProblemDetails
            {
                Status = bad.StatusCode,
                Title = parameter is null ? "Bad request" : $"Bad parameter '{parameter}'",
                Detail = detail,
                Type = "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.1",
            };
            if (parameter is not null)
            {
                problem.Extensions["parameter"] = parameter;
            }
        }
        else if (host.Store is not null && DatabaseUnavailableException.IsDatabaseFailure(exception))
        {
            host.MarkUnavailable(exception);
            httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            httpContext.Response.Headers.RetryAfter = DatabaseGate.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            problem = DatabaseGate.Problem(host.Unavailable ?? exception.Message);
        }
        else
        {
            logger.LogError(exception, "Unhandled exception on {Path}", httpContext.Request.Path);
            httpContext.Response.StatusCode = StatusCodes.Status500InternalServerError;
            problem = new ProblemDetails
            {
                Status = StatusCodes.Status500InternalServerError,
                Title = "Internal server error",
                Detail = "The server failed to answer this request; the error has been logged with the trace id.",
                Type = "https://www.rfc-editor.org/rfc/rfc9110#section-15.6.1",
            };
        }

        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = null });
    }

    /// <summary>
    /// The binder's message in a person's words, without .NET type names: <c>Failed to bind parameter "Nullable&lt;int&gt; top"
    /// from "x".</c> becomes "The parameter 'top' must be a whole number, not 'x'.", with the parameter named apart.
    /// </summary>
    internal static (string? Parameter, string Detail) Describe(string message)
    {
        var bind = FailedToBind().Match(message);
        if (bind.Success)
        {
            var name = bind.Groups["name"].Value;
            var value = bind.Groups["value"].Value;
            value = value.Length > MaxValueShown ? value[..MaxValueShown] + "…" : value;
            var type = bind.Groups["type"].Value;
            var expected = type.Contains("int", StringComparison.OrdinalIgnoreCase) || type.Contains("long", StringComparison.OrdinalIgnoreCase)
                ? "a whole number in range"
                : type.Contains("double", StringComparison.OrdinalIgnoreCase) || type.Contains("decimal", StringComparison.OrdinalIgnoreCase)
                    ? "a number"
                    : type.Contains("bool", StringComparison.OrdinalIgnoreCase) ? "true or false" : "a value of the documented form";
            return (name, $"The parameter '{name}' must be {expected}, not '{value}'.");
        }

        // Other binder messages name a parameter as "type name"; keep the name only.
        var named = TypedName().Match(message);
        return named.Success
            ? (named.Groups["name"].Value, TypedName().Replace(message, "'${name}'"))
            : (null, message);
    }

    [GeneratedRegex(@"^Failed to bind parameter ""(?<type>.+) (?<name>\w+)"" from ""(?<value>.*)""\.?$", RegexOptions.Singleline)]
    private static partial Regex FailedToBind();

    [GeneratedRegex(@"""(?<type>[\w.<>\[\], ?]+) (?<name>\w+)""")]
    private static partial Regex TypedName();
}
