using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Geo.Api.Hosting;

/// <summary>
/// Turns exceptions into problem details at the HTTP edge: a request that cannot be bound (e.g. a
/// number that is not one) is a 400 naming the parameter; anything else is a 500 that says only that
/// something failed and gives the trace id. Never a stack trace. Stateless.
/// </summary>
public sealed class ApiExceptionHandler(IProblemDetailsService problems, DatasetHost host, ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ProblemDetails problem;
        if (exception is BadHttpRequestException bad)
        {
            httpContext.Response.StatusCode = bad.StatusCode;
            problem = new ProblemDetails
            {
                Status = bad.StatusCode,
                Title = "Bad request",
                Detail = bad.Message,
                Type = "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.1",
            };
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
}
