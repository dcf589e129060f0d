namespace Geo.Core.Geography;

/// <summary>
/// The levels of the planning geography, from the country down. <see cref="Country"/> is the single
/// root (England, or the dataset total); the four planning levels sit beneath it. <see cref="Catchment"/>
/// is not part of the hierarchy: a provider's catchment, made of neighbourhoods by flows, aggregated like an
/// area but held by no <see cref="Geography"/> (<see cref="LevelNames.Hierarchy"/> lists the others).
/// </summary>
public enum Level
{
    Country = 0,
    System = 1,
    Icp = 2,
    Place = 3,
    Neighbourhood = 4,
    Catchment = 5,
}
