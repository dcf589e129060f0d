using System.Text.Json.Nodes;
using Geo.Core.Geography;

namespace Geo.Tiles;

/// <summary>
/// A MapLibre / Mapbox GL style (version 8) over the server's vector tiles, which QGIS loads as a vector tile connection's
/// style: one source per level (its TileJSON) and the viewer's outline colours, the country filled white under dark grey
/// area edges (web/src/map.js). Only outlines: the viewer colours areas by joining indicator values to the tiles by code
/// in the browser, and the tiles carry no values, so a style cannot colour them. Stateless.
/// </summary>
public static class MapStyle
{
    /// <summary>The viewer's colours: area edges, the country's edge, the country's fill.</summary>
    public const string EdgeColour = "#4d4d4d";

    public const string CountryEdgeColour = "#222222";

    public const string CountryFillColour = "#ffffff";

    /// <summary>The style of <paramref name="levels"/> (every level when null), the TileJSON of each at <paramref name="server"/>.</summary>
    public static JsonObject For(string server, IReadOnlyList<Level>? levels = null)
    {
        var chosen = levels ?? LevelNames.Hierarchy;
        var sources = new JsonObject();
        var layers = new JsonArray();
        foreach (var level in chosen)
        {
            var name = level.ToName();
            sources[name] = new JsonObject { ["type"] = "vector", ["url"] = $"{server}/tiles/{name}.json" };
        }

        if (chosen.Contains(Level.Country))
        {
            layers.Add(Layer("country-fill", "fill", "country", new JsonObject { ["fill-color"] = CountryFillColour }));
        }

        foreach (var level in chosen.Where(l => l != Level.Country).Reverse())
        {
            var name = level.ToName();
            layers.Add(Layer($"{name}-line", "line", name,
                new JsonObject { ["line-color"] = EdgeColour, ["line-width"] = level == Level.Neighbourhood ? 0.4 : 0.8 }));
        }

        if (chosen.Contains(Level.Country))
        {
            layers.Add(Layer("country-line", "line", "country", new JsonObject { ["line-color"] = CountryEdgeColour, ["line-width"] = 1.5 }));
        }

        return new JsonObject
        {
            ["version"] = 8,
            ["name"] = "Geo area outlines",
            ["sources"] = sources,
            ["layers"] = layers,
        };
    }

    private static JsonObject Layer(string id, string type, string source, JsonObject paint) => new()
    {
        ["id"] = id,
        ["type"] = type,
        ["source"] = source,
        ["source-layer"] = source,
        ["paint"] = paint,
    };
}
