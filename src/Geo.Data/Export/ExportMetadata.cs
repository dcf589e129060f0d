using System.Text.Json.Serialization;
using Geo.Core.Indicators;
using Geo.Data.Indicators;
using Geo.Model;
using Geo.Model.Quality;

namespace Geo.Data.Export;

/// <summary>
/// What an export holds and how it was made, so that someone else can reproduce it: written beside a
/// CSV as <c>{file}.metadata.json</c> and inside GeoJSON as the collection's <c>metadata</c> member.
/// <see cref="Columns"/> describes each column (name, type, unit, description) in order; <see cref="Quality"/>, when the
/// selection is about an area of the hierarchy, what lies behind that area's value (docs/methods.md, "Data quality"). Immutable.
/// </summary>
public sealed record ExportMetadata(
    string Dataset,
    bool Synthetic,
    string BoundaryVintage,
    string IndicatorId,
    string IndicatorName,
    string ValueType,
    double Multiplier,
    string Unit,
    string Polarity,
    string Source,
    string Period,
    string Selection,
    string Method,
    string Comparisons,
    string SuppressionRule,
    string Command,
    IReadOnlyList<ExportColumn> Columns,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] AreaQuality? Quality = null)
{
    /// <summary>How the comparisons columns are decided, in words.</summary>
    public const string ComparisonsRule =
        "Significantly higher or lower when the benchmark value (parent or England) lies outside the area's 95% (99.8%) confidence interval; better or worse by the indicator's polarity.";

    /// <summary>The metadata of rows taken from <paramref name="view"/>; <paramref name="command"/> says how to
    /// get them again (a command line, or the API's URL); <paramref name="quality"/> that of the area the selection is about.</summary>
    public static ExportMetadata For(Dataset dataset, IndicatorView view, string selection, string command, AreaQuality? quality = null)
    {
        var d = view.Definition;
        return new ExportMetadata(
            dataset.Name,
            dataset.Synthetic,
            dataset.BoundaryVintage,
            d.Id,
            d.Name,
            IndicatorTerms.Name(d.ValueType),
            d.Multiplier,
            d.Unit,
            IndicatorTerms.Name(d.Polarity),
            d.Source,
            view.Period,
            selection,
            view.Method,
            ComparisonsRule,
            view.SuppressionRule,
            command,
            ExportColumn.All,
            quality);
    }
}
