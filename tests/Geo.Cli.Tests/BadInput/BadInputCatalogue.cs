using System.Text;
using System.Text.Json.Nodes;
using Geo.Data.Tests.Import;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Esri;

namespace Geo.Cli.Tests.BadInput;

/// <summary>
/// The bad-input catalogue (docs/reliability.md, "Bad input"): one case a fault, for every importer. Each expected
/// message is written here by hand; faults already covered by an importer's own tests are listed in the docs, not
/// repeated, unless the catalogue needs them to show the whole command's answer.
/// </summary>
internal static class BadInputCatalogue
{
    private const string Boundaries = "neighbourhoods.geojson";
    private const string Lookup = "lookup.csv";
    private const string Bng = "urn:ogc:def:crs:EPSG::27700";
    private const string Crs84 = "urn:ogc:def:crs:OGC:1.3:CRS84";

    /// <summary>About 200 MB of rows, more than any file of the demo by far.</summary>
    public const long LargeFileBytes = 200L * 1024 * 1024;

    /// <summary>The six squares of the good dataset (1 km, British National Grid).</summary>
    private static readonly (string Code, int X, int Y)[] Six =
    [
        ("E01000001", 400000, 300000), ("E01000002", 401000, 300000), ("E01000003", 400000, 301000),
        ("E01000004", 401000, 301000), ("E01000005", 402000, 300000), ("E01000006", 402000, 301000),
    ];

    public static IReadOnlyList<BadInputCase> Cases { get; } = Build();

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var c in Cases)
        {
            data.Add(c.Name);
        }

        return data;
    }

    public static BadInputCase Find(string name) => Cases.Single(c => c.Name == name);

    private static List<BadInputCase> Build() =>
    [
        .. Manifest(), .. GeoJson(), .. GeoPackage(), .. ShapefileCases(), .. LookupCases(), .. Icps(), .. Population(),
        .. Deprivation(), .. LongIndicator(), .. WideIndicator(), .. Fingertips(), .. Upload(), .. Flows(),
    ];

    private static IEnumerable<BadInputCase> Manifest()
    {
        const string I = "manifest";
        const string M = "badinput.dataset.json";
        yield return new(I, "missing file", f => f.Delete(M), new Refused(M, null, null, "the manifest file does not exist"));
        yield return new(I, "empty file", f => f.Write(M, ""), new Refused(M, "line 1", null, "does not contain any JSON"));
        yield return new(I, "not JSON", f => f.Write(M, "name = \"x\"\nneighbourhoods = \"n.geojson\"\n"), new Refused(M, "line 1", null, "is an invalid JSON literal"));
        yield return new(I, "binary file", f => f.WriteBytes(M, Binary()), new Refused(M, "line 1", null, "is an invalid start of a value"));
        yield return new(I, "misspelt member", f => f.Replace(M, "\"deprivation\":", "\"deprivaton\":"), new Refused(M, "line 15", "deprivaton", "is not a field Geo knows here"));
        yield return new(I, "missing member", f => f.EditManifest(m => m.Remove("hierarchy")), new Refused(M, "line 84", null, "missing required properties including: 'hierarchy'"));
        yield return new(I, "path escapes the data root", f => f.EditManifest(m => m["hierarchy"]!["path"] = "../../etc/passwd"),
            new Refused(M, null, "hierarchy.path", "leaves the data folder"));
        yield return new(I, "indicator path escapes the data root", f => f.EditManifest(m => m["indicators"]![0]!["file"]!["path"] = "../counts.csv"),
            new Refused(M, null, "indicators[0].file.path", "leaves the data folder"));
    }

    private static IEnumerable<BadInputCase> GeoJson()
    {
        const string I = "boundaries (GeoJSON)";
        const string B = Boundaries;
        yield return new(I, "missing file", f => f.Delete(B), new Refused(B, null, null, "the file does not exist"));
        yield return new(I, "empty file", f => f.Write(B, ""), new Refused(B, null, null, "is not valid JSON"));
        yield return new(I, "header only (no features)", f => f.Write(B, Collection(Bng, [])), new Refused(B, null, null, "the file has no features"));
        yield return new(I, "misspelt code property", f => f.EditManifest(m => m["neighbourhoods"]!["codeField"] = "cdoe"),
            new Refused(B, "feature 1", "cdoe", "the feature has no such property"));
        yield return new(I, "BNG metres declared as WGS84", f => f.Write(B, Collection(Crs84, Squares())),
            new Refused(B, "feature 1", "geometry", "are not longitude/latitude degrees"));
        yield return new(I, "WGS84 degrees declared as BNG", f => f.Write(B, Collection(Bng, Squares(degrees: true))),
            new Refused(B, null, "geometry", "look like longitude/latitude degrees"));
        yield return new(I, "WGS84 degrees with no CRS but the manifest's EPSG:27700", f =>
        {
            f.Write(B, Collection(null, Squares(degrees: true)));
            f.EditManifest(m => m["neighbourhoods"]!["crs"] = "EPSG:27700");
        }, new Refused(B, null, "geometry", "look like longitude/latitude degrees"));
        yield return new(I, "self-intersecting polygon (repaired)", f => f.Write(B, Collection(Bng, [
            Feature("E01000001", "Alpha 001A", Ring((400000, 300000), (401000, 301000), (401000, 300000), (400000, 301000), (400000, 300000))),
            .. Squares().Skip(1)])), new Loaded("repairs", "E01000001"));
        yield return new(I, "empty geometry", f => f.Write(B, Collection(Bng, [
            """{"type":"Feature","properties":{"code":"E01000001"},"geometry":{"type":"Polygon","coordinates":[]}}""", .. Squares().Skip(1)])),
            new Refused(B, "feature 1", "geometry", "the feature has no geometry"));
        yield return new(I, "null geometry", f => f.Write(B, Collection(Bng, [
            """{"type":"Feature","properties":{"code":"E01000001"},"geometry":null}""", .. Squares().Skip(1)])),
            new Refused(B, "feature 1", "geometry", "the feature has no geometry"));
        yield return new(I, "duplicate code", f => f.Write(B, Collection(Bng, [.. Squares(), Square("E01000001", 403000, 300000)])),
            new Refused(B, "feature 7", "code", "feature 1"));
        yield return new(I, "code unknown to the lookup", f => f.Write(B, Collection(Bng, [.. Squares(), Square("E01000099", 403000, 300000)])),
            new Loaded("unmatchedCodes", "E01000099"));
        yield return new(I, "binary file", f => f.WriteBytes(B, Binary()), new Refused(B, null, null, "is not valid JSON"));
        yield return new(I, "Latin-1 name", f => f.WriteBytes(B, Latin1(Collection(Bng, [Feature("E01000001", "Ynys Môn", SquareRing(400000, 300000)), .. Squares().Skip(1)]))),
            new Refused(B, "feature 1", null, "not UTF-8"));
        yield return new(I, "BOM and CRLF", f => f.WriteBytes(B, [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Collection(Bng, Squares()).ReplaceLineEndings("\r\n"))]),
            new Loaded(null, null));
    }

    private static IEnumerable<BadInputCase> GeoPackage()
    {
        const string I = "boundaries (GeoPackage)";
        const string G = "neighbourhoods.gpkg";
        yield return new(I, "missing file", f => UseGeoPackage(f, G), new Refused(G, null, null, "the file does not exist"));
        yield return new(I, "empty file", f =>
        {
            f.WriteBytes(G, []);
            UseGeoPackage(f, G);
        }, new Refused(G, null, null, "no such table: gpkg_contents"));
        yield return new(I, "binary file", f =>
        {
            f.WriteBytes(G, Binary());
            UseGeoPackage(f, G);
        }, new Refused(G, null, null, "file is not a database"));
        yield return new(I, "misspelt column", f =>
        {
            WriteGeoPackage(f, G, 27700, TestGeoPackage.BngDefinition, degrees: false);
            UseGeoPackage(f, G, code: "LSOA21CDD");
        }, new Refused(G, null, "LSOA21CDD", "LSOA21CD"));
        yield return new(I, "BNG metres declared as WGS84", f =>
        {
            WriteGeoPackage(f, G, 4326, TestGeoPackage.Wgs84Definition, degrees: false);
            UseGeoPackage(f, G);
        }, new Refused(G, "feature 1", "geometry column", "are not longitude/latitude degrees"));
        yield return new(I, "WGS84 degrees declared as BNG", f =>
        {
            WriteGeoPackage(f, G, 27700, TestGeoPackage.BngDefinition, degrees: true);
            UseGeoPackage(f, G);
        }, new Refused(G, null, "geometry column", "look like longitude/latitude degrees"));
    }

    private static IEnumerable<BadInputCase> ShapefileCases()
    {
        const string I = "boundaries (Shapefile)";
        const string S = "neighbourhoods.shp";
        yield return new(I, "missing file", f => UseShapefile(f, S), new Refused(S, null, null, "the file does not exist"));
        yield return new(I, "empty file", f =>
        {
            WriteShapefile(f, S, TestGeoPackage.BngDefinition, degrees: false);
            f.WriteBytes(S, []);
            UseShapefile(f, S);
        }, new Refused(S, null, null, "cannot be read"));
        yield return new(I, "binary file", f =>
        {
            WriteShapefile(f, S, TestGeoPackage.BngDefinition, degrees: false);
            f.WriteBytes(S, Binary());
            UseShapefile(f, S);
        }, new Refused(S, null, null, "cannot be read"));
        yield return new(I, "misspelt attribute", f =>
        {
            WriteShapefile(f, S, TestGeoPackage.BngDefinition, degrees: false);
            UseShapefile(f, S, code: "LSOA21");
        }, new Refused(S, null, "LSOA21", "its attributes are 'code', 'name'"));
        yield return new(I, "BNG metres declared as WGS84 (.prj)", f =>
        {
            WriteShapefile(f, S, TestGeoPackage.Wgs84Definition, degrees: false);
            UseShapefile(f, S);
        }, new Refused(S, "feature 1", "shape", "are not longitude/latitude degrees"));
        yield return new(I, "WGS84 degrees declared as BNG (.prj)", f =>
        {
            WriteShapefile(f, S, TestGeoPackage.BngDefinition, degrees: true);
            UseShapefile(f, S);
        }, new Refused(S, null, "shape", "look like longitude/latitude degrees"));
    }

    private static IEnumerable<BadInputCase> LookupCases()
    {
        const string I = "lookup";
        const string L = Lookup;
        yield return new(I, "missing file", f => f.Delete(L), new Refused(L, null, null, "the file does not exist"));
        yield return new(I, "empty file", f => f.Write(L, ""), new Refused(L, null, null, "the file is empty"));
        yield return new(I, "header only", f => f.KeepHeaderOnly(L), new Refused(L, "line 1", null, "the file has a header but no rows"));
        yield return new(I, "misspelt column", f => f.EditManifest(m => m["hierarchy"]!["placeCode"] = "LAD42CD"),
            new Refused(L, "line 1", "LAD42CD", "no such column; the columns are 'LSOA21CD', 'LSOA21NM', 'LAD24CD'"));
        yield return new(I, "duplicate code", f => f.AppendLine(L, "E01000001,Alpha 001A,E06000001,Alpha,E54000001,North"),
            new Refused(L, "line 8", "LSOA21CD", "line 2"));
        yield return new(I, "empty code", f => f.Replace(L, "E01000004,Beta", ",Beta"), new Refused(L, "line 5", "LSOA21CD", "is empty"));
        yield return new(I, "code in the lookup but not in the boundaries", f => f.AppendLine(L, "E01000007,Gamma 001C,E06000003,Gamma,E54000002,South"),
            new Loaded("unmatchedCodes", "E01000007"));
        yield return new(I, "BOM and CRLF", f => f.WriteBytes(L, [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Read(f, L).ReplaceLineEndings("\r\n"))]),
            new Loaded(null, null));
        yield return new(I, "Latin-1 name", f => f.WriteBytes(L, Latin1(Read(f, L).Replace("Gamma 001B", "Ynys Môn 001B", StringComparison.Ordinal))),
            new Refused(L, "line 7", "LSOA21NM", "not UTF-8"));
        yield return new(I, "binary file", f => f.WriteBytes(L, Binary()), new Refused(L, null, null, "the file is binary (it holds NUL bytes), not CSV text"));
        yield return new(I, "Excel workbook", f => f.WriteBytes(L, [(byte)'P', (byte)'K', 3, 4, .. Binary()]), new Refused(L, null, null, "ZIP archive"));
        yield return new(I, "UTF-16 with a byte order mark (decoded)", f => f.WriteBytes(L, [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Read(f, L))]), new Loaded(null, null));
        yield return new(I, "semicolon-separated", f => f.Write(L, Read(f, L).Replace(',', ';')), new Refused(L, "line 1", "LSOA21CD", "separated by ';'"));
    }

    private static IEnumerable<BadInputCase> Icps()
    {
        const string I = "ICP file";
        const string P = "icps.csv";
        yield return new(I, "missing file", f => f.Delete(P), new Refused(P, null, null, "the file does not exist"));
        yield return new(I, "header only", f => f.KeepHeaderOnly(P), new Refused(P, "line 1", null, "no rows"));
        yield return new(I, "misspelt column", f => f.EditManifest(m => m["icps"]!["icpName"] = "ICP_NAME"), new Refused(P, "line 1", "ICP_NAME", "no such column"));
        yield return new(I, "place twice", f => f.AppendLine(P, "E54000001,NORTH-EAST,North East ICP,E06000001"), new Refused(P, "line 4", "LAD24CD", "line 2"));
        yield return new(I, "place unknown to the lookup (reported)", f => f.AppendLine(P, "E54000001,NORTH-EAST,North East ICP,E06000099"),
            new Loaded("unmatchedCodes", "E06000099"));
        yield return new(I, "system unknown to the lookup (reported)", f => f.AppendLine(P, "E54000099,ELSEWHERE,Elsewhere ICP,E06000003"),
            new Loaded("unmatchedCodes", "E54000099"));
    }

    private static IEnumerable<BadInputCase> Population()
    {
        const string I = "population";
        const string P = "population.csv";
        yield return new(I, "missing file", f => f.Delete(P), new Refused(P, null, null, "the file does not exist"));
        yield return new(I, "header only", f => f.KeepHeaderOnly(P), new Refused(P, "line 1", null, "no rows"));
        yield return new(I, "misspelt band column", f => f.EditManifest(m => m["population"]!["bands"]![0]!["column"] = "all ages"),
            new Refused(P, "line 1", "all ages", "no such column"));
        yield return new(I, "negative count", f => f.Replace(P, "E01000003,10000", "E01000003,-5"), new Refused(P, "line 4", "all_ages", "-5"));
        yield return new(I, "non-numeric count", f => f.Replace(P, "E01000003,10000", "E01000003,ten thousand"), new Refused(P, "line 4", "all_ages", "'ten thousand' is not a number"));
        yield return new(I, "NaN count", f => f.Replace(P, "E01000003,10000", "E01000003,NaN"), new Refused(P, "line 4", "all_ages", "'NaN' is not a number"));
        yield return new(I, "infinite count", f => f.Replace(P, "E01000003,10000", "E01000003,Infinity"), new Refused(P, "line 4", "all_ages", "'Infinity' is not a number"));
        yield return new(I, "decimal comma", f => f.Replace(P, "E01000003,10000", "E01000003,\"10000,5\""), new Refused(P, "line 4", "all_ages", "'10000,5' is not a number"));
        yield return new(I, "thousands separators", f => f.Replace(P, "E01000003,10000", "E01000003,\"10,000\""), new Loaded(null, null));
        yield return new(I, "duplicate code", f => f.AppendLine(P, "E01000001,10000"), new Refused(P, "line 8", "lsoa21_code", "line 2"));
        yield return new(I, "code unknown to the lookup", f => f.AppendLine(P, "W01000001,1500"), new Loaded("notes", "1 population rows are for neighbourhoods outside this dataset"));
        yield return new(I, "neighbourhood without a row", f => f.Replace(P, "E01000006,10000\n", ""), new Loaded("unmatchedCodes", "E01000006"));
    }

    private static IEnumerable<BadInputCase> Deprivation()
    {
        const string I = "deprivation";
        const string D = "deprivation.csv";
        yield return new(I, "missing file", f => f.Delete(D), new Refused(D, null, null, "the file does not exist"));
        yield return new(I, "header only", f => f.KeepHeaderOnly(D), new Refused(D, "line 1", null, "no rows"));
        yield return new(I, "misspelt column", f => f.EditManifest(m => m["deprivation"]!["decile"] = "IMD_Decile_"), new Refused(D, "line 1", "IMD_Decile_", "no such column"));
        yield return new(I, "decile out of range", f => f.Replace(D, "E01000002,3,", "E01000002,11,"), new Refused(D, "line 3", "IMD_decile", "11"));
        yield return new(I, "non-numeric score", f => f.Replace(D, "E01000002,3,30.1", "E01000002,3,n/a"), new Refused(D, "line 3", "IMD_score", "'n/a' is not a number"));
        yield return new(I, "duplicate code", f => f.AppendLine(D, "E01000001,1,45.5"), new Refused(D, "line 8", "lsoa21_code", "line 2"));
    }

    private static IEnumerable<BadInputCase> LongIndicator()
    {
        const string I = "indicator (long)";
        const string C = "counts.csv";
        yield return new(I, "missing file", f => f.Delete(C), new Refused(C, null, null, "the file does not exist"));
        yield return new(I, "empty file", f => f.Write(C, ""), new Refused(C, null, null, "the file is empty"));
        yield return new(I, "header only", f => f.KeepHeaderOnly(C), new Refused(C, null, null, "no figure is for an area of this dataset"));
        yield return new(I, "misspelt column", f => f.EditManifest(m => m["indicators"]![0]!["file"]!["numerator"] = "admisions"), new Refused(C, "line 1", "admisions", "no such column"));
        yield return new(I, "negative count", f => f.Replace(C, "E01000003,50,", "E01000003,-50,"), new Refused(C, "line 4", "admissions", "-50"));
        yield return new(I, "non-numeric count", f => f.Replace(C, "E01000003,50,", "E01000003,fifty,"), new Refused(C, "line 4", "admissions", "'fifty' is not a number"));
        yield return new(I, "NaN count", f => f.Replace(C, "E01000003,50,", "E01000003,NaN,"), new Refused(C, "line 4", "admissions", "'NaN' is not a number"));
        yield return new(I, "infinite count", f => f.Replace(C, "E01000003,50,", "E01000003,-Infinity,"), new Refused(C, "line 4", "admissions", "'-Infinity' is not a number"));
        yield return new(I, "decimal comma", f => f.Replace(C, "E01000003,50,", "E01000003,\"50,5\","), new Refused(C, "line 4", "admissions", "'50,5' is not a number"));
        yield return new(I, "zero denominator", f => f.Replace(C, "E01000003,50,10000", "E01000003,50,0"), new Refused(C, "line 4", "residents", "more than 0"));
        yield return new(I, "repeated area", f => f.AppendLine(C, "E01000001,200,10000,300,1000"), new Refused(C, "line 8", "lsoa21_code", "also at line 2"));
        yield return new(I, "codes unknown to the lookup", f => f.AppendLine(C, "W01000001,20,1000,10,100"), new Loaded("indicators", "W01000001"));
        yield return new(I, "200 MB file, bad count on its last line", WriteLargeCounts,
            new Refused(C, "line " + LargeFileLines.ToString(System.Globalization.CultureInfo.InvariantCulture), "admissions", "'x' is not a number"));
    }

    private static IEnumerable<BadInputCase> WideIndicator()
    {
        const string I = "indicator (wide: numerators)";
        const string W = "wide.csv";
        yield return new(I, "misspelt column", f => f.EditManifest(m => m["indicators"]![1]!["file"]!["numerators"]![1] = "aged_75+"), new Refused(W, "line 1", "aged_75+", "no such column"));
        yield return new(I, "empty cell", f => f.Replace(W, "E01000002,1000,500,", "E01000002,1000,,"), new Refused(W, "line 3", "aged_75_plus", "empty"));
        yield return new(I, "negative count", f => f.Replace(W, "E01000002,1000,500,", "E01000002,1000,-500,"), new Refused(W, "line 3", "aged_75_plus", "-500"));
    }

    private static IEnumerable<BadInputCase> Fingertips()
    {
        const string I = "indicator (Fingertips)";
        const string F = "fingertips.csv";
        yield return new(I, "header only", f => f.KeepHeaderOnly(F), new Refused(F, null, null, "no figure is for an area of this dataset"));
        yield return new(I, "no Count column", f => f.Replace(F, ",Count,", ",Number,"), new Refused(F, "line 1", "Count", "no such column"));
        yield return new(I, "negative count", f => f.Replace(F, "500.0,100,", "500.0,-100,"), new Refused(F, "line 4", "Count", "-100"));
        yield return new(I, "two indicators", f => f.AppendLine(F, "90000,Other,E06000003,Gamma,UA,Persons,35+ yrs,,,2021/22,1,1,100,20210000"),
            new Refused(F, "line 6", "IndicatorID", "90000"));
    }

    private static IEnumerable<BadInputCase> Upload()
    {
        const string I = "uploaded CSV (--indicator-file)";
        static BadInputCase Case(string fault, Action<BadInputFolder> arrange, string says) => new(I, fault, arrange, new UploadRefused(says))
        {
            Command = f => ["export", "--dataset", f.Manifest, "--indicator-file", f.File("upload.csv"), "--indicator-id", "mine",
                "--area-column", "lsoa21_code", "--count-column", "admissions", "--denominator-column", "residents",
                "--indicator", "mine", "--level", "place", "--out", f.File("out.csv")],
        };
        yield return Case("empty file", f => f.Write("upload.csv", ""), "the file is empty");
        yield return Case("missing column", f => f.Write("upload.csv", "lsoa21_code,admits,residents\nE01000001,5,100\n"), "line 1, field 'admissions': no such column; the columns are 'lsoa21_code', 'admits', 'residents'");
        yield return Case("NaN count", f => f.Write("upload.csv", "lsoa21_code,admissions,residents\nE01000001,NaN,100\n"), "line 2, field 'admissions': 'NaN' is not a number");
        yield return Case("code unknown to the dataset", f => f.Write("upload.csv", "lsoa21_code,admissions,residents\nE01000001,5,100\nE01999999,5,100\n"),
            "line 3, field 'lsoa21_code': 'E01999999' is not a neighbourhood code of this dataset");
        yield return Case("binary file", f => f.WriteBytes("upload.csv", Binary()), "the file is binary (it holds NUL bytes), not CSV text");
    }

    private static IEnumerable<BadInputCase> Flows()
    {
        const string I = "flows";
        const string F = "flows.csv";
        yield return new(I, "missing file", f => f.Delete(F), new Refused(F, null, null, "the file does not exist"));
        yield return new(I, "header only", f => f.KeepHeaderOnly(F), new Refused(F, null, null, "the flow table has a header but no rows"));
        yield return new(I, "misspelt column", f => f.EditManifest(m => m["flows"]!["count"] = "patient"), new Refused(F, "line 1", "patient", "no such column"));
        yield return new(I, "negative count", f => f.Replace(F, "B1,Beta Health Centre,E01000003,8000", "B1,Beta Health Centre,E01000003,-8000"), new Refused(F, "line 4", "patients", "-8000"));
        yield return new(I, "NaN count", f => f.Replace(F, "B1,Beta Health Centre,E01000003,8000", "B1,Beta Health Centre,E01000003,NaN"), new Refused(F, "line 4", "patients", "'NaN' is not a number"));
        yield return new(I, "pair twice", f => f.AppendLine(F, "A1,Alpha Surgery,E01000001,5"), new Refused(F, "line 9", "lsoa", "also at line 2"));
        yield return new(I, "provider with two names", f => f.AppendLine(F, "A1,Alpha Medical Group,E01000004,5"), new Refused(F, "line 9", "name", "Alpha Surgery"));
        yield return new(I, "codes unknown to the lookup", f => f.AppendLine(F, "A1,Alpha Surgery,W01000001,5"), new Loaded("flows", "skipped"));
    }

    /// <summary>The bad row's line in the 200 MB file: the good file's 7 lines, the rows of codes outside the dataset, then it.</summary>
    public static long LargeFileLines => 7 + (LargeFileBytes / LargeRowLength) + 1;

    /// <summary>One row of the large file: a Welsh-looking code of 9 characters, the same length on every row.</summary>
    private const int LargeRowLength = 28;

    private static void WriteLargeCounts(BadInputFolder folder)
    {
        using var writer = new StreamWriter(folder.File("counts.csv"), append: true, new UTF8Encoding(false), 1 << 20);
        var rows = LargeFileBytes / LargeRowLength;
        for (var i = 0L; i < rows; i++)
        {
            // codes outside the dataset, each once, as an England and Wales file's Welsh rows would be
            writer.Write(FormattableString.Invariant($"W{i:D8},20,10000,300,1000\n"));
        }

        writer.Write("E01000001,x,10000,300,1000\n");
    }

    private static string Read(BadInputFolder folder, string name) => File.ReadAllText(folder.File(name));

    /// <summary>Bytes no text file holds: NULs and control bytes among random ones, as a photo or a database would.</summary>
    private static byte[] Binary()
    {
        var bytes = new byte[64 * 1024];
        new Random(12).NextBytes(bytes);
        bytes[0] = 0x89;
        bytes[5] = 0;
        return bytes;
    }

    /// <summary>The text as ISO 8859-1 (Latin-1) bytes, as an older Windows export writes "ô".</summary>
    private static byte[] Latin1(string text) => Encoding.Latin1.GetBytes(text);

    private static string Collection(string? crs, IEnumerable<string> features) =>
        "{\n\"type\": \"FeatureCollection\",\n"
        + (crs is null ? "" : $"\"crs\": {{ \"type\": \"name\", \"properties\": {{ \"name\": \"{crs}\" }} }},\n")
        + "\"features\": [\n" + string.Join(",\n", features) + "\n]\n}\n";

    private static IEnumerable<string> Squares(bool degrees = false) => Six.Select(s => degrees
        ? Feature(s.Code, s.Code, DegreeRing(s.X, s.Y))
        : Square(s.Code, s.X, s.Y));

    private static string Square(string code, int x, int y) => Feature(code, code, SquareRing(x, y));

    private static string Feature(string code, string name, string ring) =>
        "{\"type\":\"Feature\",\"properties\":{\"code\":\"" + code + "\",\"name\":\"" + name
        + "\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[" + ring + "]}}";

    private static string SquareRing(int x, int y) => Ring((x, y), (x + 1000, y), (x + 1000, y + 1000), (x, y + 1000), (x, y));

    private static string Ring(params (double X, double Y)[] points) =>
        "[" + string.Join(",", points.Select(p => FormattableString.Invariant($"[{p.X},{p.Y}]"))) + "]";

    /// <summary>The square near (x, y) as longitude/latitude: 0.015° a side, about where the BNG square is.</summary>
    private static string DegreeRing(int x, int y)
    {
        var lon = -2.0 + ((x - 400000) / 1000 * 0.015);
        var lat = 52.6 + ((y - 300000) / 1000 * 0.009);
        return Ring((lon, lat), (lon + 0.015, lat), (lon + 0.015, lat + 0.009), (lon, lat + 0.009), (lon, lat));
    }

    private static Polygon Polygon(int x, int y, bool degrees)
    {
        var factory = new GeometryFactory();
        if (!degrees)
        {
            return TestGeoPackage.Square(x, y, 1000);
        }

        var lon = -2.0 + ((x - 400000) / 1000 * 0.015);
        var lat = 52.6 + ((y - 300000) / 1000 * 0.009);
        return factory.CreatePolygon([new(lon, lat), new(lon + 0.015, lat), new(lon + 0.015, lat + 0.009), new(lon, lat + 0.009), new(lon, lat)]);
    }

    private static void WriteGeoPackage(BadInputFolder folder, string name, int srsId, string definition, bool degrees) =>
        TestGeoPackage.Create(folder.File(name), "lsoa21", srsId, "EPSG", srsId, definition,
            Six.Select(s => ((string?)s.Code, (string?)s.Code, (Geometry?)Polygon(s.X, s.Y, degrees))));

    private static void UseGeoPackage(BadInputFolder folder, string name, string code = "LSOA21CD") =>
        folder.EditManifest(m => m["neighbourhoods"] = new JsonObject { ["path"] = name, ["codeField"] = code, ["nameField"] = "LSOA21NM" });

    private static void WriteShapefile(BadInputFolder folder, string name, string projection, bool degrees) =>
        Shapefile.WriteAllFeatures(
            Six.Select(s => new Feature(Polygon(s.X, s.Y, degrees), new AttributesTable { { "code", s.Code }, { "name", s.Code } })),
            folder.File(name),
            projection);

    private static void UseShapefile(BadInputFolder folder, string name, string code = "code") =>
        folder.EditManifest(m => m["neighbourhoods"] = new JsonObject { ["path"] = name, ["codeField"] = code, ["nameField"] = "name" });
}
