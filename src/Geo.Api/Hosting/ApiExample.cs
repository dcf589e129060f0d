namespace Geo.Api.Hosting;

/// <summary>
/// Endpoint metadata: an example request whose placeholders ({indicator}, {period}, {system},
/// {system2}, {place}, {neighbourhood}, {query}) <see cref="ApiExamples"/> fills from the dataset being
/// served, for the OpenAPI document and the reference page. Immutable.
/// </summary>
public sealed record ApiExample(string Template);
