using Geo.Core.Reports;

namespace Geo.Model.Quality;

/// <summary>
/// What lies behind one area's value of one indicator and period, for a reader judging how far to trust it: coverage,
/// the kind of denominator, vintages, how the inputs were made (mapped from 2011 neighbourhoods, attributed from
/// practices, apportioned from districts), how much is suppressed and which codes did not match at load
/// (docs/methods.md, "Data quality"). Counts of areas only, never a count of events, so nothing here can give a suppressed
/// figure away. Built by <see cref="DataQuality.Of"/>; immutable.
/// </summary>
/// <param name="DataLevel">The level the indicator's inputs are at: neighbourhood, or place for district data.</param>
public sealed record AreaQuality(
    string Area,
    string Name,
    string Level,
    string DataLevel,
    QualityCoverage Coverage,
    QualityDenominator Denominator,
    QualityVintages Vintages,
    QualityInputs Inputs,
    QualitySuppression Suppression,
    QualityUnmatched Unmatched);

/// <summary>What the value stands on.</summary>
/// <param name="Share">Share (0-1) of the area's population living where the indicator has data (of its neighbourhoods
/// when the dataset has no population): the row's coverage.</param>
/// <param name="Population">The area's population, summed from its neighbourhoods; null when the dataset has none.</param>
/// <param name="PopulationWithData">Share × population; null when the dataset has no population.</param>
/// <param name="Units">How many areas of the data level make the area (its neighbourhoods, or its places for district data).</param>
/// <param name="UnitsWithData">How many of them have a figure in the period.</param>
public sealed record QualityCoverage(double Share, double? Population, double? PopulationWithData, int Units, int UnitsWithData);

/// <summary>The population at risk.</summary>
/// <param name="Kind"><c>resident</c> (the dataset's census population), <c>registered</c> (patients on practice lists,
/// through the flow table), <c>file</c> (the indicator file's own denominators) or <c>none</c> (a score).</param>
public sealed record QualityDenominator(string Kind, string Description);

/// <param name="Boundaries">The neighbourhood boundaries' vintage, e.g. "LSOA 2021 (BSC V4)".</param>
/// <param name="Period">The data's period (a pool's label for pooled indicators).</param>
/// <param name="Source">Where the data come from, as the indicator cites it.</param>
/// <param name="Mapping">How the inputs' geography was changed on import, in words; null when read as it is.</param>
public sealed record QualityVintages(string Boundaries, string Period, string Source, string? Mapping);

/// <summary>How the inputs of the data-level areas with a figure were made; counts of those areas.</summary>
/// <param name="Direct">Read under their own code.</param>
/// <param name="Unchanged">Mapped from a 2011 neighbourhood of the same extent (U).</param>
/// <param name="Split">A population share of a split 2011 neighbourhood (S).</param>
/// <param name="Merged">The sum of merged 2011 neighbourhoods (M).</param>
/// <param name="Complex">Shares of redrawn 2011 neighbourhoods (X).</param>
/// <param name="MappedShare">(Split + Merged + Complex) over the areas with a figure: the share whose figures the 2011 to
/// 2021 change reshaped; 0 when none has a figure.</param>
/// <param name="Attributed">Estimated by attributing practices' figures to where their patients live.</param>
/// <param name="Apportioned">Parts of districts split between systems, given a population share of the district's figure.</param>
/// <param name="EstimatedShare">(Attributed + Apportioned) over the areas with a figure.</param>
/// <param name="Description">The same in one sentence.</param>
public sealed record QualityInputs(
    int Direct,
    int Unchanged,
    int Split,
    int Merged,
    int Complex,
    double MappedShare,
    int Attributed,
    int Apportioned,
    double EstimatedShare,
    string Description);

/// <summary>Small-number suppression in and of the area, as counts of areas (which rows are blank is public anyway).</summary>
/// <param name="ValueSuppressed">Whether the area's own value is suppressed.</param>
/// <param name="Units">Data-level areas inside the area with a figure.</param>
/// <param name="Suppressed">How many of them are suppressed (primary or secondary).</param>
/// <param name="Share">Suppressed over units; 0 when there are none.</param>
/// <param name="Rule">The suppression rule in words.</param>
public sealed record QualitySuppression(bool ValueSuppressed, int Units, int Suppressed, double Share, string Rule);

/// <summary>Codes that did not match at load.</summary>
/// <param name="InArea">How many of the area's neighbourhoods the load report names (no polygon, no population or
/// deprivation row, not in the lookup).</param>
/// <param name="Codes">Those entries, at most <see cref="DataQuality.ListedCodes"/>.</param>
/// <param name="InDataset">How many entries the load report has in all.</param>
/// <param name="ImportNotes">What the indicator's import kept, mapped and skipped (codes not in the dataset among them).</param>
public sealed record QualityUnmatched(int InArea, IReadOnlyList<UnmatchedCode> Codes, int InDataset, IReadOnlyList<string> ImportNotes);
