using Geo.Core.Indicators;
using Geo.Query.Vocabulary;
using NetTopologySuite.Geometries;

namespace Geo.Query;

public sealed partial class DatasetQueries
{
    /// <summary>The catchments of <paramref name="method"/> and <paramref name="threshold"/> (<see cref="CatchmentWords"/>),
    /// built once per method and threshold, then shared.</summary>
    /// <exception cref="QueryException">The dataset has no flow table (404), or the words are not understood.</exception>
    public CatchmentSelection Catchments(string? method, string? threshold)
    {
        if (Dataset.Flows is null)
        {
            throw QueryException.NotFound("catchments", "No catchments",
                $"Dataset '{Dataset.Name}' has no flow table (the manifest's flows entry), so it has no catchments.");
        }

        return new CatchmentSelection(Dataset, CatchmentWords.Parse(method, threshold));
    }

    /// <summary>An indicator summed over one provider's catchment, published (hidden when any member neighbourhood is).</summary>
    public RowSelection CatchmentIndicator(string? provider, string? indicator, string? period, string? method, string? threshold)
    {
        var catchments = Catchments(method, threshold);
        var catchment = catchments.Find(provider ?? "");
        var published = CatchmentIndicatorOf(indicator, period);
        var row = Core.Catchments.CatchmentIndicator.Publish(published.Engine, published.Period, catchment);
        return new RowSelection(published, row, [row], $"catchment of {catchment.Provider} ({catchments.Describe()})", "catchment");
    }

    /// <summary>
    /// The published row of every catchment with members (those with a member inside <paramref name="within"/> when
    /// given), in provider code order, with their dissolved boundaries when <paramref name="withBoundaries"/>.
    /// </summary>
    public RowSelection CatchmentRows(string? indicator, string? period, string? method, string? threshold, string? within,
        bool withBoundaries, int? pool = null)
    {
        var catchments = Catchments(method, threshold);
        var published = CatchmentIndicatorOf(indicator, period, pool);
        var area = within is null ? null : Area(within, "within");
        var chosen = area is null
            ? catchments.Set.Catchments.Where(c => c.Members.Count > 0).ToArray()
            : catchments.Touching(area).Select(t => t.Catchment).ToArray();

        var rows = new IndicatorRow[chosen.Length];
        Parallel.For(0, chosen.Length, i => rows[i] = Core.Catchments.CatchmentIndicator.Publish(published.Engine, published.Period, chosen[i]));
        Dictionary<string, Geometry>? boundaries = null;
        if (withBoundaries)
        {
            var dissolved = new Geometry?[chosen.Length];
            Parallel.For(0, chosen.Length, i => dissolved[i] = catchments.Boundary(chosen[i]));
            boundaries = new Dictionary<string, Geometry>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < chosen.Length; i++)
            {
                if (dissolved[i] is { } b)
                {
                    boundaries[chosen[i].Provider] = b;
                }
            }
        }

        var container = area ?? Dataset.Geography.Root;
        var selection = $"every catchment ({catchments.Describe()})" + (area is null ? "" : $" with a neighbourhood inside {area.Code}");
        return new RowSelection(published, published.View.Get(container.Code), rows, selection, "catchments", boundaries);
    }

    private PublishedIndicator CatchmentIndicatorOf(string? indicator, string? period, int? pool = null)
    {
        var published = Indicator(indicator, period, pool);
        Supported(Core.Catchments.CatchmentIndicator.Unsupported(published.Engine.Source));
        return published;
    }
}
