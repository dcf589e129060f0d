namespace Geo.Core.Sources;

/// <summary>Resident population of one neighbourhood, one count per band of <see cref="DatasetSource.AgeBands"/>.</summary>
public sealed record PopulationRecord(string Neighbourhood, double[] Counts, long Line)
{
    public double Total => Counts.Sum();
}
