using System.Globalization;
using System.Text.Json;
using Geo.Core.Geography;
using Geo.Core.Reports;
using Geo.Core.Sources;
using Geo.Spatial.Projection;
using Geo.Tests;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;

namespace Geo.Spatial.Tests.Coverage;

/// <summary>
/// The real England files the coverage tests need, read once per test run. Deliberately small and
/// independent of the importers in Geo.Data, so these tests check Geo.Spatial alone.
/// </summary>
internal static class EnglandData
{
    public const string Lsoa21File = "lsoa21_bsc_epsg4326.geojson";

    public const string Lsoa11File = "lsoa11_bgc_epsg4326.geojson";

    private static readonly Lazy<IReadOnlyList<NeighbourhoodBoundary>> Lsoa21 =
        new(() => ToBritishNationalGrid(ReadGeoJson(SharedData.England("boundaries", Lsoa21File), "LSOA21CD", "LSOA21NM")));

    private static readonly Lazy<Geography> England = new(BuildGeography);

    /// <summary>LSOA 2021 BSC, all 33,755, projected from WGS84 to British National Grid metres.</summary>
    public static IReadOnlyList<NeighbourhoodBoundary> Lsoa21Bng => Lsoa21.Value;

    /// <summary>The England hierarchy from the 2024 lookup and the North East and North Cumbria ICP file.</summary>
    public static Geography Geography => England.Value;

    /// <summary>Every feature of a GeoJSON file, in the file's own coordinates, as published (no repair).</summary>
    public static List<NeighbourhoodBoundary> ReadGeoJson(string path, string codeField, string nameField)
    {
        var options = new JsonSerializerOptions();
        options.Converters.Add(new GeoJsonConverterFactory());
        using var stream = File.OpenRead(path);
        var collection = JsonSerializer.Deserialize<FeatureCollection>(stream, options)
            ?? throw new InvalidDataException($"{path} is not a GeoJSON feature collection.");

        var boundaries = new List<NeighbourhoodBoundary>(collection.Count);
        for (var i = 0; i < collection.Count; i++)
        {
            var feature = collection[i];
            var code = feature.Attributes[codeField]?.ToString() ?? throw new InvalidDataException($"feature {i + 1} has no {codeField}");
            boundaries.Add(new NeighbourhoodBoundary(code, feature.Attributes[nameField]?.ToString(), feature.Geometry, i + 1));
        }

        return boundaries;
    }

    public static Point ToBritishNationalGrid(double longitude, double latitude)
    {
        var (x, y) = BritishNationalGrid.FromWgs84(longitude, latitude);
        return new GeometryFactory(new PrecisionModel(), BritishNationalGrid.Srid).CreatePoint(new Coordinate(x, y));
    }

    /// <summary>A number for test output, e.g. 1,234.5.</summary>
    public static string Describe(double value) => value.ToString("#,0.###", CultureInfo.InvariantCulture);

    private static List<NeighbourhoodBoundary> ToBritishNationalGrid(List<NeighbourhoodBoundary> boundaries) =>
        boundaries.Select(b => b with { Boundary = BritishNationalGrid.FromWgs84(b.Boundary) }).ToList();

    private static Geography BuildGeography()
    {
        var lookupFile = SharedData.England("lookups", "lsoa21_sicbl24_icb24_lad24_rgn24_nhser_en.csv");
        var icpFile = SharedData.England("lookups", "icp_places_nenc.csv");

        var hierarchy = ReadCsv(lookupFile, (row, line) => new HierarchyRecord(
            row["LSOA21CD"], row["LSOA21NM"], row["LAD24CD"], row["LAD24NM"], row["ICB24CD"], row["ICB24NM"], line));
        var icps = ReadCsv(icpFile, (row, line) => new IcpRecord(row["ICB24CD"], row["ICP_CD"], row["ICP_NM"], row["LAD24CD"], line));

        var source = new DatasetSource
        {
            Name = "England",
            BoundaryVintage = "LSOA 2021 (BSC V4)",
            Boundaries = [],
            BoundaryFile = Lsoa21File,
            Hierarchy = hierarchy,
            HierarchyFile = lookupFile,
            Icps = icps,
            IcpFile = icpFile,
        };
        return HierarchyBuilder.Build(source, new DatasetReport());
    }

    private static List<T> ReadCsv<T>(string path, Func<Dictionary<string, string>, long, T> map)
    {
        var lines = File.ReadAllLines(path);
        var header = SplitCsv(lines[0]);
        var rows = new List<T>(lines.Length);
        for (var i = 1; i < lines.Length; i++)
        {
            if (lines[i].Length == 0)
            {
                continue;
            }

            var fields = SplitCsv(lines[i]);
            var row = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var f = 0; f < header.Count; f++)
            {
                row[header[f]] = f < fields.Count ? fields[f] : "";
            }

            rows.Add(map(row, i + 1));
        }

        return rows;
    }

    /// <summary>One CSV line, with RFC 4180 quoting (the ICB names contain commas).</summary>
    private static List<string> SplitCsv(string line)
    {
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString());
        return fields;
    }
}
