namespace Geo.Core.Segmentation;

/// <summary>
/// Areas clustered on their standardised profiles (<see cref="AreaSegmentation.Segment"/>). When the clustering cannot be
/// done, <see cref="Reason"/> says why and there are no clusters. Immutable by convention (arrays are not copied).
/// </summary>
/// <param name="K">Number of clusters; null with a reason.</param>
/// <param name="ChosenBySilhouette">True when k was chosen by the highest mean silhouette, false when it was given.</param>
/// <param name="Clusters">Each area's cluster, 1 to k, numbered by size (1 is the largest); empty with a reason.</param>
/// <param name="Profiles">Each cluster's size and its spread on each indicator, in cluster order.</param>
/// <param name="Candidates">The mean silhouette of each k tried, on one seeded run each, when k was chosen; the given k's alone otherwise.</param>
/// <param name="Silhouette">The mean silhouette of the clusters answered; null with a reason.</param>
/// <param name="SilhouetteScored">How many areas the silhouette was computed over (a sample above <see cref="Segmentation.Silhouette.SampleSize"/>).</param>
/// <param name="Scales">Each indicator's mean and standard deviation across the areas clustered (the z-score's scale).</param>
/// <param name="Inertia">Sum of squared distances (in z units) from each area to its cluster's centre; null with a reason.</param>
/// <param name="Reason">Why there are no clusters; null when there are.</param>
public sealed record SegmentationResult(
    int? K,
    bool ChosenBySilhouette,
    int[] Clusters,
    IReadOnlyList<ClusterProfile> Profiles,
    IReadOnlyList<SilhouetteScore> Candidates,
    double? Silhouette,
    int SilhouetteScored,
    IReadOnlyList<ColumnScale> Scales,
    double? Inertia,
    string? Reason);

/// <summary>The mean silhouette of k clusters.</summary>
public sealed record SilhouetteScore(int K, double Mean);

/// <summary>An indicator's mean and (population) standard deviation across the areas clustered.</summary>
public sealed record ColumnScale(double Mean, double StandardDeviation);

/// <summary>One cluster: its number (1 = largest), how many areas it has, and its spread on each indicator in input order.</summary>
public sealed record ClusterProfile(int Cluster, int Size, IReadOnlyList<ClusterMeasure> Measures);

/// <summary>A cluster's values of one indicator, in the indicator's own units, and their mean z-score.</summary>
/// <param name="StandardDeviation">Population standard deviation within the cluster (0 for one area).</param>
public sealed record ClusterMeasure(double Mean, double StandardDeviation, double Min, double Max, double MeanZ);
