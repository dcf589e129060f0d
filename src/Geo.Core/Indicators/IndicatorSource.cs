using Geo.Core.Geography;
using Geo.Core.Sources;

namespace Geo.Core.Indicators;

/// <summary>
/// An indicator's definition and its input figures as imported, keyed by 2021 neighbourhood codes (2011
/// codes already mapped) or by place codes for data published only at that level.
/// </summary>
public sealed class IndicatorSource
{
    public required IndicatorDefinition Definition { get; init; }

    /// <summary>The periods present, in the order to show them (oldest first).</summary>
    public required IReadOnlyList<string> Periods { get; init; }

    /// <summary>Age bands of age-specific records; empty when every record is for all ages.</summary>
    public IReadOnlyList<AgeBand> Bands { get; init; } = [];

    /// <summary><see cref="Level.Neighbourhood"/>, or <see cref="Level.Place"/> for data published by district:
    /// such data stay at the place level and are never split down.</summary>
    public Level DataLevel { get; init; } = Level.Neighbourhood;

    public required IReadOnlyList<IndicatorRecord> Records { get; init; }

    /// <summary>The file the records came from ("demo:…" for generated data).</summary>
    public required string File { get; init; }

    /// <summary>How many times the dataset's population counts for a record without a denominator of its own: 1 for a
    /// period, k for a pool of k periods (person-years; <see cref="Trends.PooledIndicator"/>).</summary>
    public int PopulationPeriods { get; init; } = 1;

    /// <summary>What the import did: rows read, mapped from 2011 codes, skipped, unmatched.</summary>
    public IReadOnlyList<string> ImportNotes { get; init; } = [];
}
