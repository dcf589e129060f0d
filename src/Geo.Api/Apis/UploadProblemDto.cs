namespace Geo.Api.Apis;

/// <summary>One problem of an uploaded indicator file: where (line, the header being line 1; column or option) and what.</summary>
/// <param name="Line">The file's line, or null for the file or the options as a whole.</param>
/// <param name="Field">The column or option at fault, or null.</param>
/// <param name="Message">What is wrong and what would be right.</param>
public sealed record UploadProblemDto(long? Line, string? Field, string Message);
