using Geo.Core.Geography;

namespace Geo.Query;

/// <summary>The published values of every area of a level, ascending (suppressed and undefined ones left out), rounded
/// as exported: a national distribution without codes. Immutable.</summary>
/// <param name="Areas">How many areas the level has, with or without a value.</param>
public sealed record LevelValues(PublishedIndicator Indicator, Level Level, int Areas, IReadOnlyList<double> Values, string Selection);
