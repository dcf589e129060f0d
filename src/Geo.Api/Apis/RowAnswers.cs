using System.Text;
using Geo.Core.Indicators;
using Geo.Data.Export;
using Geo.Query;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Geo.Api.Apis;

/// <summary>
/// Formats a <see cref="RowSelection"/> for HTTP: JSON rows with the export metadata, or CSV and GeoJSON written by
/// <see cref="IndicatorExporter"/>, byte for byte what <c>geo export</c> writes. Stateless.
/// </summary>
public static class RowAnswers
{
    private static readonly UTF8Encoding Utf8WithBom = new(encoderShouldEmitUTF8Identifier: true);

    /// <summary>The metadata of an answer; its command is the request's own URL.</summary>
    public static ExportMetadata Metadata(PublishedIndicator indicator, string selection, HttpRequest request) =>
        ExportMetadata.For(indicator.Dataset, indicator.View, selection, IndicatorsApi.Link(request));

    public static IndicatorAreaDto Area(RowSelection s, HttpRequest request) =>
        new(Metadata(s, request), IndicatorRowDto.From(s.Area, s.Indicator.Definition));

    public static IndicatorRowsDto Rows(RowSelection s, HttpRequest request) => new(
        Metadata(s, request),
        IndicatorRowDto.From(s.Area, s.Indicator.Definition),
        [.. s.Rows.Select(r => IndicatorRowDto.From(r, s.Indicator.Definition))],
        s.Reason,
        FunnelAdjustmentDto.From(s.Funnel));

    /// <summary>The rows with only <paramref name="columns"/> (<c>fields</c>); the metadata lists just those.</summary>
    public static IndicatorRowsDto Rows(RowSelection s, HttpRequest request, IReadOnlyList<IndicatorColumn> columns) => new(
        Metadata(s, request, columns),
        IndicatorRowDto.From(s.Area, s.Indicator.Definition, columns),
        [.. s.Rows.Select(r => IndicatorRowDto.From(r, s.Indicator.Definition, columns))],
        s.Reason,
        FunnelAdjustmentDto.From(s.Funnel));

    /// <summary>The rows laid out by column (<c>format=columns</c>), with only <paramref name="columns"/>.</summary>
    public static IndicatorColumnsDto Columns(RowSelection s, HttpRequest request, IReadOnlyList<IndicatorColumn> columns) => new(
        Metadata(s, request, columns),
        IndicatorRowDto.From(s.Area, s.Indicator.Definition, columns),
        s.Rows.Count,
        new ColumnTable(s.Rows, s.Indicator.Definition, columns),
        s.Reason);

    /// <summary>A CSV answer as UTF-8 with a byte-order mark, written by <paramref name="write"/>.</summary>
    public static FileContentHttpResult CsvFile(string fileName, Action<TextWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new StreamWriter(stream, Utf8WithBom))
        {
            write(writer);
        }

        return TypedResults.File(stream.ToArray(), "text/csv; charset=utf-8", fileName);
    }

    public static FileContentHttpResult Csv(RowSelection s)
    {
        using var stream = new MemoryStream();
        using (var writer = new StreamWriter(stream, Utf8WithBom))
        {
            IndicatorExporter.WriteCsv(writer, s.Rows, s.Indicator.Definition);
        }

        return TypedResults.File(stream.ToArray(), "text/csv; charset=utf-8", FileName(s, "csv"));
    }

    public static FileContentHttpResult GeoJson(RowSelection s, HttpRequest request)
    {
        using var stream = new MemoryStream();
        IndicatorExporter.WriteGeoJson(stream, s.Rows, s.Indicator.Definition, s.Boundaries ?? s.Indicator.Dataset.Boundaries, Metadata(s, request));
        return TypedResults.File(stream.ToArray(), "application/geo+json", FileName(s, "geojson"));
    }

    /// <summary>The metadata of rows, with the quality of the area they are about.</summary>
    private static ExportMetadata Metadata(RowSelection s, HttpRequest request) =>
        ExportMetadata.For(s.Indicator.Dataset, s.Indicator.View, s.Selection, IndicatorsApi.Link(request), DatasetQueries.QualityOf(s));

    private static ExportMetadata Metadata(RowSelection s, HttpRequest request, IReadOnlyList<IndicatorColumn> columns)
    {
        var metadata = Metadata(s, request);
        return metadata with { Columns = [.. columns.Select(c => metadata.Columns.First(m => m.Name == c.Name))] };
    }

    private static string FileName(RowSelection s, string extension) =>
        $"{s.Indicator.Definition.Id}-{s.Area.Area.Code}-{s.Indicator.Period.Replace('/', '-')}-{s.Kind}.{extension}";
}
