using Geo.Model.Quality;

namespace Geo.Query;

// Data quality (issue 19 §2): what lies behind an area's value, for the panel, the API and export metadata.
public sealed partial class DatasetQueries
{
    /// <summary>What lies behind one area's published value of the indicator and period (<see cref="DataQuality"/>).</summary>
    /// <exception cref="QueryException">As <see cref="Indicator"/> and <see cref="Area"/>.</exception>
    public (PublishedIndicator Indicator, AreaQuality Quality) Quality(string? indicator, string? period, string? code, int? pool = null)
    {
        var published = Indicator(indicator, period, pool);
        var area = Area(code);
        return (published, DataQuality.Of(Dataset, published.Engine, published.View, area));
    }

    /// <summary>The quality of the area a selection is about, for its export metadata; null for a catchment (not an area
    /// of the hierarchy).</summary>
    public static AreaQuality? QualityOf(RowSelection selection)
    {
        ArgumentNullException.ThrowIfNull(selection);
        var indicator = selection.Indicator;
        var area = selection.Area.Area;
        return area.Level == Core.Geography.Level.Catchment || indicator.Dataset.Geography.Find(area.Code) is null
            ? null
            : DataQuality.Of(indicator.Dataset, indicator.Engine, indicator.View, area);
    }
}
