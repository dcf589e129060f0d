using System.Text.Json;
using Geo.Core.Geography;
using Geo.Data.Export;
using Geo.Query;

namespace Geo.Api.Apis;

/// <summary>
/// Writes OGC API – Features answers as GeoJSON: a page of features (with <c>links</c>, <c>numberMatched</c>,
/// <c>numberReturned</c> and <c>timeStamp</c>) or one feature. An indicator's feature carries its published row
/// through <see cref="IndicatorRowJson"/> (the export's columns, suppression applied); a level's feature its code, name,
/// level, parent and partial flag. Stateless.
/// </summary>
internal static class OgcFeatureJson
{
    public static byte[] Page(FeaturePage page, IReadOnlyList<OgcLinkDto> links, DateTimeOffset now) => Write(json =>
    {
        json.WriteStartObject();
        json.WriteString("type", "FeatureCollection");
        json.WriteNumber("numberMatched", page.NumberMatched);
        json.WriteNumber("numberReturned", page.Features.Count);
        json.WriteString("timeStamp", now.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture));
        WriteLinks(json, links);
        json.WriteStartArray("features");
        foreach (var feature in page.Features)
        {
            WriteFeature(json, feature, page.Indicator, null);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    });

    public static byte[] Feature(FeatureItem feature, PublishedIndicator? indicator, IReadOnlyList<OgcLinkDto> links) =>
        Write(json => WriteFeature(json, feature, indicator, links));

    private static byte[] Write(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            write(json);
        }

        return stream.ToArray();
    }

    private static void WriteFeature(Utf8JsonWriter json, FeatureItem feature, PublishedIndicator? indicator, IReadOnlyList<OgcLinkDto>? links)
    {
        var area = feature.Area;
        if (feature.Wgs84 is { } wgs84)
        {
            GeoJsonFeature.WriteStart(json, area.Code, wgs84, openProperties: false);
        }
        else
        {
            json.WriteStartObject();
            json.WriteString("type", "Feature");
            json.WriteString("id", area.Code);
            json.WriteNull("geometry");
        }

        json.WritePropertyName("properties");
        if (indicator is not null && feature.Row is { } row)
        {
            IndicatorRowJson.Write(json, row, indicator.Definition);
        }
        else
        {
            json.WriteStartObject();
            json.WriteString("code", area.Code);
            json.WriteString("name", area.Name);
            json.WriteString("level", area.Level.ToName());
            json.WriteString("parent", area.ParentCode);
            json.WriteBoolean("partial", area.IsPartial);
            json.WriteEndObject();
        }

        if (links is not null)
        {
            WriteLinks(json, links);
        }

        json.WriteEndObject();
    }

    private static void WriteLinks(Utf8JsonWriter json, IReadOnlyList<OgcLinkDto> links)
    {
        json.WriteStartArray("links");
        foreach (var link in links)
        {
            json.WriteStartObject();
            json.WriteString("href", link.Href);
            json.WriteString("rel", link.Rel);
            json.WriteString("type", link.Type);
            if (link.Title is not null)
            {
                json.WriteString("title", link.Title);
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
    }
}
