using Geo.Data.Export;

namespace Geo.Api.Apis;

/// <summary>
/// The answer of <c>GET /api/areas/{code}/segments?indicators=a,b</c>: the area's neighbourhoods clustered by k-means on
/// standardised indicator profiles, each cluster's size and profile, and each neighbourhood clustered with its cluster.
/// </summary>
/// <param name="Indicators">The export metadata of each indicator (period, method, suppression rule), in the order given.</param>
/// <param name="Area">The area whose neighbourhoods are clustered.</param>
/// <param name="Neighbourhoods">How many neighbourhoods the area has.</param>
/// <param name="Clustered">Neighbourhoods clustered: those with a published value of every indicator.</param>
/// <param name="Suppressed">Neighbourhoods left out because a row of any indicator is suppressed.</param>
/// <param name="NoValue">Neighbourhoods left out because an indicator has no value for them.</param>
/// <param name="K">Number of clusters; null with a reason.</param>
/// <param name="KChosenBySilhouette">True when k was chosen as the highest mean silhouette of 2 to 8.</param>
/// <param name="Seed">The seed: the same seed and data give the same clusters.</param>
/// <param name="Silhouette">The mean silhouette of the clusters (−1 to 1, higher is better separated); null with a reason.</param>
/// <param name="SilhouetteScored">How many neighbourhoods the silhouette was computed over (a seeded sample above 2,000).</param>
/// <param name="Candidates">The mean silhouette of each k tried.</param>
/// <param name="Scales">Each indicator's mean and standard deviation across the neighbourhoods clustered (the z-scores' scale).</param>
/// <param name="Clusters">Each cluster's size and profile, largest first.</param>
/// <param name="Areas">Each neighbourhood clustered with its cluster, in code order.</param>
/// <param name="Method">How the clusters are computed, in words.</param>
/// <param name="Reason">Why there are no clusters, naming the parameter to change; null otherwise.</param>
public sealed record SegmentsDto(
    IReadOnlyList<ExportMetadata> Indicators,
    AreaRefDto Area,
    int Neighbourhoods,
    int Clustered,
    int Suppressed,
    int NoValue,
    int? K,
    bool KChosenBySilhouette,
    int Seed,
    double? Silhouette,
    int SilhouetteScored,
    IReadOnlyList<SilhouetteDto> Candidates,
    IReadOnlyList<SegmentScaleDto> Scales,
    IReadOnlyList<SegmentClusterDto> Clusters,
    IReadOnlyList<SegmentAreaDto> Areas,
    string Method,
    string? Reason);

/// <summary>The mean silhouette of k clusters.</summary>
public sealed record SilhouetteDto(int K, double Silhouette);

/// <summary>An indicator's mean and population standard deviation across the neighbourhoods clustered.</summary>
public sealed record SegmentScaleDto(string Indicator, double Mean, double StandardDeviation);

/// <summary>One cluster: its number (1 = largest), size and profile on each indicator.</summary>
public sealed record SegmentClusterDto(int Cluster, int Size, IReadOnlyList<SegmentMeasureDto> Profile);

/// <summary>A cluster's published values of one indicator: mean, standard deviation, range (in the indicator's units) and mean z-score.</summary>
public sealed record SegmentMeasureDto(string Indicator, double Mean, double StandardDeviation, double Min, double Max, double MeanZ);

/// <summary>A neighbourhood clustered.</summary>
public sealed record SegmentAreaDto(string Code, string Name, int Cluster);
