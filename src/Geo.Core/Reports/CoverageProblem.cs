namespace Geo.Core.Reports;

/// <summary>Where neighbourhood polygons overlap each other or leave a hole between them.</summary>
/// <param name="Kind"><c>overlap</c> or <c>gap</c>.</param>
/// <param name="Codes">The neighbourhoods involved.</param>
/// <param name="Area">Area of the problem in square metres.</param>
/// <param name="Easting">A point on the problem, BNG metres.</param>
/// <param name="Northing">A point on the problem, BNG metres.</param>
public sealed record CoverageProblem(string Kind, IReadOnlyList<string> Codes, double Area, double Easting, double Northing);
