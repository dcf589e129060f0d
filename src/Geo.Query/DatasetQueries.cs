using Geo.Core.Geography;
using Geo.Core.Indicators;
using Geo.Core.Indicators.Suppression;
using Geo.Core.Statistics;
using Geo.Core.Trends;
using Geo.Model;
using Geo.Query.Vocabulary;

namespace Geo.Query;

/// <summary>
/// Every use case of a dataset's indicators, once: the API's endpoints and the <c>geo</c> commands are thin adapters
/// that pass the words they were given, call one of these and format the typed result. Words are parsed here with the
/// shared vocabulary (<see cref="LevelWords"/>, <see cref="HotspotOrderWords"/>, ...), so the same words work through
/// either door with the same error text (<see cref="QueryException"/>). Every row answered comes from a published
/// <see cref="IndicatorView"/>, so suppression always applies. Stateless over an immutable dataset: thread-safe.
/// </summary>
public sealed partial class DatasetQueries(Dataset dataset)
{
    public const int DefaultTop = 20;
    public const int MaxTop = 1000;

    public Dataset Dataset { get; } = dataset;

    /// <summary>
    /// The indicator's published figures for <paramref name="period"/> (its latest when none), in the indicator's one
    /// publication pool (<see cref="IndicatorSource.PublicationPool"/>; <paramref name="pool"/>, when given, must name it):
    /// a pool is named by its label ("2019/20 - 2021/22") or by its last period.
    /// </summary>
    /// <exception cref="QueryException">No id, an unknown indicator (404), a pool it cannot have or a period it does not have.</exception>
    public PublishedIndicator Indicator(string? id, string? period, int? pool = null)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            throw QueryException.Bad("indicator", "Give the indicator id"
                + (Dataset.Indicators.Count > 0 ? $", e.g. {Dataset.Indicators[0].Definition.Id}." : "; this dataset has none."));
        }

        var source = Dataset.Indicators.FirstOrDefault(i => string.Equals(i.Definition.Id, id.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw QueryException.NotFound("indicator", "Unknown indicator",
                $"No indicator has the id '{id}'; the indicators are: {string.Join(", ", Dataset.Indicators.Select(i => i.Definition.Id))}.");
        var size = pool is null ? source.PublicationPool : PoolWords.Parse(pool);
        if (size != source.PublicationPool)
        {
            throw QueryException.Bad("pool", $"Indicator '{source.Definition.Id}' is published "
                + (source.PublicationPool == 1 ? "by single periods" : $"in rolling pools of {source.PublicationPool} periods")
                + (size == 1 ? " only, not by single periods" : $" only, not in pools of {size}") + ": the same counts shown in two windowings could be subtracted to recover a "
                + "suppressed count (docs/methods.md, \"Pooled periods and suppression\").");
        }

        if (size > 1 && source.Definition.ValueType == IndicatorValueType.Score)
        {
            throw QueryException.Bad("pool", $"Indicator '{source.Definition.Id}' is a score; scores are not pooled over periods.");
        }

        if (size > source.Periods.Count)
        {
            throw QueryException.Bad("pool",
                $"Indicator '{source.Definition.Id}' has {source.Periods.Count} periods, too few for pools of {size}.");
        }

        var engine = Dataset.Indicator(source.Definition.Id, size);
        var chosen = period is null
            ? engine.LatestPeriod
            : engine.Periods.FirstOrDefault(p => p == period)
                ?? engine.Periods.FirstOrDefault(p => size > 1 && p.EndsWith(PeriodPooling.LabelSeparator + period, StringComparison.Ordinal))
                ?? throw QueryException.Bad("period",
                    $"Indicator '{engine.Definition.Id}' has no period '{period}'{(size > 1 ? $" in pools of {size}" : "")}; "
                    + $"its periods are: {string.Join(", ", engine.Periods)}.");
        return new PublishedIndicator(Dataset, engine, engine.Publish(chosen));
    }

    /// <summary>The area with <paramref name="code"/> (ignoring case).</summary>
    /// <exception cref="QueryException">No code given, or no area has it (404).</exception>
    public Area Area(string? code, string parameter = "code")
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            throw QueryException.Bad(parameter, $"Give an area code, e.g. {Dataset.Geography.Root.Code}.");
        }

        return Dataset.Geography.Find(code.Trim()) ?? throw QueryException.UnknownArea(parameter, code, Dataset.Name);
    }

    /// <summary>One area's published row.</summary>
    public RowSelection AreaRow(string? indicator, string? period, string? code, int? pool = null)
    {
        var published = Indicator(indicator, period, pool);
        var row = published.View.Get(Area(code).Code);
        return new RowSelection(published, row, [row], $"area {row.Area.Code}", "area");
    }

    /// <summary>
    /// The published rows of an area's children, in code order, found through the hierarchy's child list; their funnel
    /// columns adjusted for overdispersion among the children by <paramref name="funnel"/> (<see cref="WithFunnel"/>).
    /// </summary>
    public RowSelection Children(string? indicator, string? period, string? code, int? pool = null, string? funnel = null)
    {
        var requested = RowFunnel(funnel);
        var published = Indicator(indicator, period, pool);
        var area = Area(code);
        return WithFunnel(new RowSelection(published, published.View.Get(area.Code), [.. published.View.Children(area.Code)],
            $"children of {area.Code}", "children"), funnel, requested);
    }

    /// <summary>
    /// The published rows of every area of a level, inside <paramref name="within"/> when given (the country otherwise), their
    /// funnel columns adjusted for overdispersion among them by <paramref name="funnel"/> (<see cref="WithFunnel"/>).
    /// </summary>
    public RowSelection Level(string? indicator, string? period, string? level, string? within = null, int? pool = null, string? funnel = null)
    {
        var at = LevelWords.Parse(level);
        var requested = RowFunnel(funnel);
        var published = Indicator(indicator, period, pool);
        var container = within is null ? Dataset.Geography.Root : Area(within, "within");
        var rows = published.View.AtLevel(at, within is null ? null : container.Code).ToArray();
        var selection = $"every {at.ToName()}" + (within is null ? "" : $" inside {container.Code}");
        return WithFunnel(new RowSelection(published, published.View.Get(container.Code), rows, selection, "level"), funnel, requested);
    }

    /// <summary>A row endpoint's <c>funnel</c>: poisson when none is given (the published limits), else as <see cref="FunnelWords"/>.</summary>
    private static FunnelAdjustment? RowFunnel(string? funnel) => funnel is null ? FunnelAdjustment.Poisson : FunnelWords.Parse(funnel);

    /// <summary>
    /// The selection with its rows' funnel limits and positions recomputed for overdispersion among those rows
    /// (<see cref="AdjustedFunnelRows"/>, around England's value as the published funnel), and the adjustment, φ̂, τ̂² and the
    /// test's p said in its words. Without <paramref name="funnel"/> the rows are the published ones (exact Poisson or
    /// binomial limits), which the answer's funnel says, and the selection's words are as before.
    /// </summary>
    private RowSelection WithFunnel(RowSelection s, string? funnel, FunnelAdjustment? requested)
    {
        if (funnel is null)
        {
            return s with { Funnel = new AdjustedFunnelRows(s.Rows, FunnelAdjustment.Poisson, false, null) };
        }

        var adjusted = AdjustedFunnelRows.Adjust(s.Indicator.Engine, s.Rows, s.Indicator.View.Get(Dataset.Geography.Root.Code), requested);
        var units = s.Rows.Count > 0 ? s.Rows[0].Area.Level.ToName() + "s" : "areas";
        return s with { Rows = adjusted.Rows, Selection = $"{s.Selection}; {adjusted.Describe(units)}", Funnel = adjusted };
    }

    /// <summary>The published values of every area of a level across the dataset, ascending, rounded as exported.</summary>
    public LevelValues LevelValues(string? indicator, string? period, string? level, int? pool = null)
    {
        var at = LevelWords.Parse(level);
        var published = Indicator(indicator, period, pool);
        var rows = published.View.AtLevel(at).ToArray();
        var values = rows.Select(r => IndicatorColumns.Published(r.Value)).OfType<double>().Order().ToArray();
        return new LevelValues(published, at, rows.Length, values, $"values of every {at.ToName()} in {Dataset.Geography.Root.Code}");
    }

    /// <summary>
    /// At most <paramref name="top"/> (default <see cref="DefaultTop"/>) neighbourhoods inside an area in the hotspot order
    /// <paramref name="by"/> (rate when none): by value, excess or funnel position from the published rows; Gi* hot spots or
    /// Moran high-high clusters from true counts over the neighbourhoods' contiguity, listing only published rows.
    /// </summary>
    /// <remarks>The funnel columns of the neighbourhoods inside the area are recomputed for overdispersion among them
    /// (<see cref="AdjustedFunnelRows"/>) by <paramref name="funnel"/> (<see cref="FunnelWords"/>), or by the test's choice when
    /// none is given; the selection says which, with φ̂, τ̂² and the test's p.</remarks>
    public RowSelection Hotspots(string? indicator, string? period, string? within, string? by, int? top, int? pool = null, string? funnel = null)
    {
        var order = HotspotOrderWords.Parse(by);
        var requested = FunnelWords.Parse(funnel);
        var count = top ?? DefaultTop;
        if (count is < 1 or > MaxTop)
        {
            throw QueryException.Bad("top", $"The number of neighbourhoods (top) must be from 1 to {MaxTop}, not {count}.");
        }

        var published = Indicator(indicator, period, pool);
        var area = Area(within);
        var definition = published.Definition;
        if (published.Engine.Source.DataLevel != Core.Geography.Level.Neighbourhood)
        {
            var level = published.Engine.Source.DataLevel.ToName();
            throw QueryException.Bad("indicator", $"Indicator '{definition.Id}' is published by {level}, not by neighbourhood, so it has "
                + $"no neighbourhood hotspots; its {level}s are ranked among the children of the area above them.");
        }

        if (definition.ValueType == IndicatorValueType.Score && order != HotspotOrder.Rate)
        {
            throw QueryException.Bad("by", $"Indicator '{definition.Id}' is a score: it has no events or expected events, so no excess, "
                + "funnel position or smoothed ratio to rank by; rank its neighbourhoods by rate (their value) instead.");
        }

        var adjusted = AdjustedFunnelRows.Adjust(published.Engine, [.. published.View.AtLevel(Core.Geography.Level.Neighbourhood, area.Code)],
            published.View.Get(Dataset.Geography.Root.Code), requested);
        var byCode = adjusted.Rows.ToDictionary(r => r.Area.Code, StringComparer.Ordinal);
        var rows = order is HotspotOrder.GiStar or HotspotOrder.Moran
            ? [.. Core.Indicators.Hotspots.Find(published.View, published.Engine.Compute(published.Period), Dataset.NeighbourhoodContiguity,
                area.Code, order, count).Select(r => byCode[r.Area.Code])]
            : Core.Indicators.Hotspots.Order(adjusted.Rows, order, count);
        return new RowSelection(published, published.View.Get(area.Code), rows,
            $"top {count} neighbourhoods inside {area.Code} by {HotspotOrderWords.Name(order)}; {adjusted.Describe()}", "hotspots",
            Reason: rows.Count == 0 ? WhyNoHotspots(published, area, order) : null)
        {
            Funnel = adjusted,
        };
    }

    /// <summary>Why no neighbourhood inside <paramref name="area"/> is listed, in words a user can act on.</summary>
    private static string WhyNoHotspots(PublishedIndicator published, Area area, HotspotOrder order)
    {
        var inside = published.View.AtLevel(Core.Geography.Level.Neighbourhood, area.Code).ToArray();
        var hidden = inside.Count(r => r.Suppression != SuppressionReason.None);
        if (inside.Length > 0 && hidden == inside.Length)
        {
            return $"All {inside.Length} neighbourhoods inside {area.Code} are suppressed (small counts), so none can be listed; "
                + "a pooled period or a larger area may show them.";
        }

        var suppressed = hidden > 0 ? $" ({hidden} of the {inside.Length} neighbourhoods are suppressed)" : "";
        return order switch
        {
            HotspotOrder.Funnel => $"No neighbourhood inside {area.Code} lies above England's 95% funnel limit{suppressed}.",
            HotspotOrder.GiStar => $"No neighbourhood inside {area.Code} is a significant Gi* hot spot at a false discovery rate of "
                + $"{Core.Indicators.Hotspots.FalseDiscoveryRate}{suppressed}.",
            HotspotOrder.Moran => $"No neighbourhood inside {area.Code} is in a significant high-high local Moran cluster at a false "
                + $"discovery rate of {Core.Indicators.Hotspots.FalseDiscoveryRate}{suppressed}.",
            _ => $"No neighbourhood inside {area.Code} has a published {(order == HotspotOrder.Excess ? "excess" : "value")}{suppressed}.",
        };
    }

    /// <summary>
    /// Every neighbourhood of an area with its Gi* or local Moran class (<paramref name="by"/>: gistar when none), from true
    /// counts. A suppressed neighbourhood's class is withheld; z, p and q are withheld for all when any of the area's
    /// neighbourhoods is suppressed (with every other z known, a hidden smoothed rate could be solved for).
    /// </summary>
    public HotspotClassification HotspotClasses(string? indicator, string? period, string? code, string? by, int? pool = null)
    {
        var order = HotspotOrderWords.ParseClassification(by);
        var published = Indicator(indicator, period, pool);
        var area = Area(code);
        Supported(WhyNoClasses(published));
        var clusters = Core.Indicators.Hotspots.Classify(published.View, published.Engine.Compute(published.Period),
            Dataset.NeighbourhoodContiguity, area.Code, order);
        var anyHidden = published.View.AtLevel(Core.Geography.Level.Neighbourhood, area.Code).Any(r => r.Suppression != SuppressionReason.None);
        var classes = clusters
            .Select(c => new NeighbourhoodClass(c.Row, c.Row.Suppression == SuppressionReason.None ? c.Class : null,
                anyHidden ? null : Finite(c.Z), anyHidden ? null : Finite(c.P), anyHidden ? null : Finite(c.Q)))
            .OrderBy(c => c.Row.Area.Code, StringComparer.Ordinal)
            .ToArray();
        var method = order == HotspotOrder.GiStar ? "Getis-Ord Gi*" : "local Moran's I";
        return new HotspotClassification(published, published.View.Get(area.Code), order,
            $"{method} on empirical Bayes smoothed observed/expected ratios, queen contiguity, Benjamini-Hochberg FDR {Core.Indicators.Hotspots.FalseDiscoveryRate}",
            classes,
            anyHidden ? "z, p and q withheld: a neighbourhood of the area is suppressed" : null,
            $"{method} classes of the neighbourhoods inside {area.Code}");
    }

    /// <summary>Why the indicator's neighbourhoods can have no Gi* or Moran class, in words a user can act on; null when they can.</summary>
    private static string? WhyNoClasses(PublishedIndicator published)
    {
        var source = published.Engine.Source;
        if (source.Definition.ValueType == IndicatorValueType.Score)
        {
            return $"Indicator '{source.Definition.Id}' is a score: it has no events or expected events, so no smoothed ratio for Gi* or "
                + "local Moran classes; colour it by national quintiles instead.";
        }

        if (source.DataLevel != Core.Geography.Level.Neighbourhood)
        {
            var level = source.DataLevel.ToName();
            return $"Indicator '{source.Definition.Id}' is published by {level}, not by neighbourhood, so it has no neighbourhood hotspot "
                + $"classes; compare its {level}s by colouring them compared with England instead.";
        }

        return null;
    }

    /// <exception cref="QueryException">The use case does not apply to the indicator, for <paramref name="reason"/>.</exception>
    private static void Supported(string? reason)
    {
        if (reason is not null)
        {
            throw QueryException.Bad("indicator", reason);
        }
    }

    private static double? Finite(double value) => double.IsFinite(value) ? value : null;
}
