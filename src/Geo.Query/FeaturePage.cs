namespace Geo.Query;

/// <summary>
/// One page of a collection's features in code order, after the bounding box: <see cref="NumberMatched"/> features
/// matched, <see cref="Features"/> are those from <see cref="Offset"/>, at most <see cref="Limit"/>. Immutable.
/// </summary>
/// <param name="Indicator">The published indicator the rows come from; null for a level's areas alone.</param>
public sealed record FeaturePage(
    FeatureCollectionInfo Collection,
    PublishedIndicator? Indicator,
    IReadOnlyList<FeatureItem> Features,
    int NumberMatched,
    int Offset,
    int Limit)
{
    /// <summary>Where the next page starts; null on the last page.</summary>
    public int? NextOffset => Offset + Features.Count < NumberMatched && Features.Count > 0 ? Offset + Features.Count : null;
}
