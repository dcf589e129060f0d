using Geo.Api.Apis;
using Geo.Data.Export;

namespace Geo.Api.Tests.Answers;

/// <summary>The answer of an area's inequality profile, with the area's row as the tests read it.</summary>
public sealed record InequalityAnswer(
    ExportMetadata Metadata,
    RowAnswer Area,
    InequalityGroupDto Core20,
    InequalityGroupDto Rest,
    IReadOnlyList<InequalityDecileDto> Deciles,
    SlopeIndexDto? Slope,
    string? SlopeNote,
    int WithoutDecile,
    string DecileBasis,
    int WithoutNationalDecile,
    ComparePairDto Gap);
