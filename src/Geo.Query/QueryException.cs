namespace Geo.Query;

/// <summary>
/// A request the dataset cannot answer, with the one message both doors show: the API as problem details, the
/// command line as <c>error: {Message}</c>. The message names what was asked and what is accepted, never a door's
/// spelling of the parameter, so the same words give the same text everywhere.
/// </summary>
public sealed class QueryException : Exception
{
    private QueryException(QueryFault fault, string parameter, string title, string message)
        : base(message)
    {
        Fault = fault;
        Parameter = parameter;
        Title = title;
    }

    public QueryFault Fault { get; }

    /// <summary>The request parameter at fault as the API names it (indicator, code, period, level, by, top, ...).</summary>
    public string Parameter { get; }

    /// <summary>A short title: what was not found, or which parameter is bad.</summary>
    public string Title { get; }

    /// <summary>A parameter's value is not acceptable, or the use case does not apply to it.</summary>
    public static QueryException Bad(string parameter, string message) =>
        new(QueryFault.BadParameter, parameter, $"Bad parameter '{parameter}'", message);

    /// <summary>Something the dataset does not have.</summary>
    public static QueryException NotFound(string parameter, string title, string message) =>
        new(QueryFault.NotFound, parameter, title, message);

    /// <summary>The area or catchment has no boundary (listed by the lookup, missing from the boundary file; or no members).</summary>
    public static QueryException NoBoundary(string code) =>
        NotFound("boundary", "No boundary", $"Area '{code}' has no boundary in this dataset.");

    internal static QueryException UnknownArea(string parameter, string code, string dataset) =>
        NotFound(parameter, "Unknown area", $"No area has the code '{code}' in dataset '{dataset}'.");
}
