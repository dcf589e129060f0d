using System.Globalization;
using System.Text.Json;
using Geo.Core.Geography;
using Geo.Core.Indicators.Suppression;
using Geo.Tests;

namespace Geo.Api.Tests.Apis;

/// <summary>
/// OGC API – Features as GDAL's OAPIF driver (what QGIS builds on) reads it from the running server: the layers, every
/// feature through the next links, a bounding box, and the published row of an indicator's features. Expected answers
/// come from the dataset's areas and published views, and a bounding box's from GDAL's own spatial filter on the whole
/// layer.
/// </summary>
public class FeaturesGdalTests(LoopbackServer server) : IClassFixture<LoopbackServer>
{
    private const string Copd = "copd-emergency-admissions";

    private string Source => $"OAPIF:{server.BaseUrl}/ogc";

    private static string TempFile(string name) => Path.Combine(Directory.CreateTempSubdirectory("geo-ogc-").FullName, name);

    [GdalFact]
    public void Ogrinfo_LandingPage_ListsALayerPerLevelAndPerIndicatorLevel()
    {
        var output = Ogr.Run("ogrinfo", "-ro", "-q", Source);

        var layers = output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Split(':', 2)[1].Trim().Split(' ')[0])
            .ToArray();
        Assert.Equal(
            ["system", "icp", "place", "neighbourhood", $"{Copd}.system", $"{Copd}.icp", $"{Copd}.place", $"{Copd}.neighbourhood"],
            layers.Take(8));
    }

    [GdalFact]
    public void Ogr2ogr_NeighbourhoodLayer_ReadsEveryNeighbourhoodThroughThePages()
    {
        var output = TempFile("neighbourhoods.geojson");

        Ogr.Run("ogr2ogr", "-f", "GeoJSON", output, Source, "neighbourhood", "-oo", "PAGE_SIZE=500");

        var expected = server.Dataset.Geography.AtLevel(Level.Neighbourhood).Select(a => a.Code).Order(StringComparer.Ordinal);
        Assert.Equal(expected, Codes(output).Order(StringComparer.Ordinal));
        var summary = Ogr.Run("ogrinfo", "-ro", "-so", "-al", output);
        Assert.Contains($"Feature Count: {expected.Count()}", summary, StringComparison.Ordinal);
    }

    [GdalFact]
    public async Task Bbox_OnNeighbourhoods_GivesTheAreasGdalsSpatialFilterFindsInTheWholeLayer()
    {
        var whole = TempFile("all.geojson");
        Ogr.Run("ogr2ogr", "-f", "GeoJSON", whole, Source, "neighbourhood", "-oo", "PAGE_SIZE=1000");
        // Not round numbers, so that no boundary vertex lies on the box's edge.
        string[] box = ["-1.7312", "53.9137", "-1.6041", "54.0219"];
        var expected = Ogr.Values(Ogr.Run("ogrinfo", "-ro", "-al", "-q", "-spat", box[0], box[1], box[2], box[3], whole), "code")
            .Order(StringComparer.Ordinal).ToArray();
        Assert.InRange(expected.Length, 20, 1000);

        // Through GDAL (which sends bbox, then filters again itself) ...
        var throughGdal = Ogr.Values(Ogr.Run("ogrinfo", "-ro", "-al", "-q", "-spat", box[0], box[1], box[2], box[3], Source, "neighbourhood"), "code");
        Assert.Equal(expected, throughGdal.Order(StringComparer.Ordinal));

        // ... and the server's answer alone: exactly those, none more.
        using var client = new HttpClient();
        using var page = JsonDocument.Parse(await client.GetStringAsync(
            $"{server.BaseUrl}/ogc/collections/neighbourhood/items?bbox={string.Join(',', box)}&limit=10000"));
        Assert.Equal(expected.Length, page.RootElement.GetProperty("numberMatched").GetInt32());
        Assert.Equal(expected, page.RootElement.GetProperty("features").EnumerateArray()
            .Select(f => f.GetProperty("id").GetString()!).Order(StringComparer.Ordinal));
    }

    [GdalFact]
    public void Ogrinfo_IndicatorLayer_CarriesThePublishedRowsWithSuppression()
    {
        var engine = server.Dataset.Indicator(Copd);
        var view = engine.Publish(engine.LatestPeriod);
        var place = view.Rows.First(r => r.Area.Level == Level.Place && r.Value is not null);
        var hidden = view.Rows.First(r => r.Area.Level == Level.Neighbourhood && r.Suppression == SuppressionReason.Primary);

        var placeInfo = Ogr.Run("ogrinfo", "-ro", "-al", "-q", Source, $"{Copd}.place", "-where", $"code = '{place.Area.Code}'");
        var hiddenInfo = Ogr.Run("ogrinfo", "-ro", "-al", "-q", Source, $"{Copd}.neighbourhood", "-where", $"code = '{hidden.Area.Code}'");

        Assert.Equal(Math.Round(place.Value!.Value, 6), double.Parse(Ogr.Values(placeInfo, "value").Single(), CultureInfo.InvariantCulture), 9);
        Assert.Equal(place.Period, Ogr.Values(placeInfo, "period").Single());
        // Typed from the collection's schema, not guessed from the first page.
        Assert.Contains("coverage (Real)", placeInfo, StringComparison.Ordinal);
        Assert.Equal("(null)", Ogr.Values(hiddenInfo, "count").Single());
        Assert.Equal("(null)", Ogr.Values(hiddenInfo, "value").Single());
        Assert.Equal("primary", Ogr.Values(hiddenInfo, "suppressed").Single());
    }

    private static string[] Codes(string geojson)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(geojson));
        return [.. document.RootElement.GetProperty("features").EnumerateArray()
            .Select(f => f.GetProperty("properties").GetProperty("code").GetString()!)];
    }
}
