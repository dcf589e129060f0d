namespace Geo.Core.Geography;

/// <summary>
/// The levels of the planning geography, from the country down. <see cref="Country"/> is the single
/// root (England, or the dataset total); the four planning levels sit beneath it.
/// </summary>
public enum Level
{
    Country = 0,
    System = 1,
    Icp = 2,
    Place = 3,
    Neighbourhood = 4,
}
