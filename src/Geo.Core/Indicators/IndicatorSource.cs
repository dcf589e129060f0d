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

    /// <summary>
    /// The one pool size the indicator is published in: 1 for single periods, 3 or 5 for rolling pools of that many
    /// periods. One only: the same counts shown in two windowings (single years beside pools, or pools of 3 beside pools
    /// of 5) can be subtracted to recover a suppressed count (docs/methods.md, "Pooled periods and suppression").
    /// </summary>
    public int PublicationPool { get; init; } = 1;

    /// <summary>The neighbourhoods whose figures were not read under their own code: mapped from 2011 neighbourhoods
    /// (the greatest change among those feeding each) or attributed from providers; a neighbourhood read directly is
    /// absent. Empty for data read as they are, and for place-level data (whose apportioned parts the geography tells).</summary>
    public IReadOnlyDictionary<string, InputOrigin> Origins { get; init; } = new Dictionary<string, InputOrigin>();

    /// <summary>What the import did: rows read, mapped from 2011 codes, skipped, unmatched.</summary>
    public IReadOnlyList<string> ImportNotes { get; init; } = [];
}
