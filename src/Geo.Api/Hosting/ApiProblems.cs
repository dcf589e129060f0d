using Geo.Query;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Geo.Api.Hosting;

/// <summary>
/// Every error answer of the API, as RFC 9457 problem details: the one place that decides status codes,
/// titles and type links. Unexpected exceptions become a 500 through the exception handler, without
/// details in Production. Stateless.
/// </summary>
public static class ApiProblems
{
    /// <summary>400: a parameter's value is not acceptable; <paramref name="detail"/> says what is.</summary>
    public static ProblemHttpResult BadParameter(string parameter, string detail) => TypedResults.Problem(
        statusCode: StatusCodes.Status400BadRequest,
        title: $"Bad parameter '{parameter}'",
        detail: detail,
        type: "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.1",
        extensions: new Dictionary<string, object?> { ["parameter"] = parameter });

    /// <summary>The problem of a request the query layer could not answer: 404 for what the dataset lacks, 400 for a bad
    /// parameter (named in the <c>parameter</c> extension); the detail is the query's own message.</summary>
    public static ProblemHttpResult From(QueryException e) => e.Fault == QueryFault.NotFound
        ? TypedResults.Problem(
            statusCode: StatusCodes.Status404NotFound,
            title: e.Title,
            detail: e.Message,
            type: "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.5")
        : BadParameter(e.Parameter, e.Message);

    /// <summary>The answer of <paramref name="query"/>, or its problem.</summary>
    public static Results<Ok<T>, ProblemHttpResult> Answer<T>(Func<T> query)
    {
        try
        {
            return TypedResults.Ok(query());
        }
        catch (QueryException e)
        {
            return From(e);
        }
    }

    /// <summary>The file <paramref name="query"/> writes, or its problem.</summary>
    public static Results<FileContentHttpResult, ProblemHttpResult> File(Func<FileContentHttpResult> query)
    {
        try
        {
            return query();
        }
        catch (QueryException e)
        {
            return From(e);
        }
    }
}
