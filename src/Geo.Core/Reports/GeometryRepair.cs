namespace Geo.Core.Reports;

/// <summary>An invalid polygon that was mended on import.</summary>
/// <param name="Code">Neighbourhood code of the feature.</param>
/// <param name="Feature">1-based feature number in <paramref name="File"/>.</param>
/// <param name="Problem">The validity error as found (e.g. "Self-intersection at (x y)").</param>
/// <param name="AreaChange">Area after repair minus area before, in square metres.</param>
public sealed record GeometryRepair(string Code, string File, long Feature, string Problem, double AreaChange);
