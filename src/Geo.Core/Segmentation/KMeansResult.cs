namespace Geo.Core.Segmentation;

/// <summary>One k-means clustering of n points in d dimensions. Immutable by convention (the arrays are not copied).</summary>
/// <param name="K">Number of clusters.</param>
/// <param name="Assignments">Each point's cluster, 0 to k − 1.</param>
/// <param name="Centroids">The k centroids, row-major (k × d): the mean of each cluster's points.</param>
/// <param name="Inertia">Sum of squared Euclidean distances from each point to its centroid.</param>
/// <param name="Iterations">Lloyd iterations of the restart kept.</param>
public sealed record KMeansResult(int K, int[] Assignments, double[] Centroids, double Inertia, int Iterations);
