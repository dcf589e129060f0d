using System.Text;
using System.Text.Json;
using CsvHelper;
using Geo.Core.Sources;
using Geo.Data.Join;
using Geo.Spatial.Join;
using Geo.Tests;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Utilities;
using NetTopologySuite.IO;
using NetTopologySuite.IO.Converters;

namespace Geo.Data.Tests.Join;

public sealed class PointJoinCsvTests : IDisposable
{
    private static readonly WKTReader Wkt = new();

    // Two unit squares side by side: west (x 0..1) and east (x 1..2).
    private static readonly PointIndex Squares = new(
    [
        ("E01000001", Wkt.Read("POLYGON ((0 0, 1 0, 1 1, 0 1, 0 0))")),
        ("E01000002", Wkt.Read("POLYGON ((1 0, 2 0, 2 1, 1 1, 1 0))")),
    ]);

    private readonly string _folder = Directory.CreateTempSubdirectory("geo-join-tests-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Run_QuotedFieldsWithCommasQuotesAndLineBreaks_RowsCopiedByteForByte()
    {
        var input = Write(
            "id,name,lon,lat\n" +
            "1,\"Smith, John\",0.5,0.5\n" +
            "2,\"He said \"\"hi\"\", then left\",1.5,0.5\n" +
            "3,\"two\nlines\",\"0.25\",0.75\n" +
            "4,  spaced  ,0.5,0.5\n");

        var counts = PointJoinCsv.Run(input, Output, Squares, PointColumns.LonLat());

        Assert.Equal(
            "id,name,lon,lat,neighbourhood,status\n" +
            "1,\"Smith, John\",0.5,0.5,E01000001,matched\n" +
            "2,\"He said \"\"hi\"\", then left\",1.5,0.5,E01000002,matched\n" +
            "3,\"two\nlines\",\"0.25\",0.75,E01000001,matched\n" +
            "4,  spaced  ,0.5,0.5,E01000001,matched\n",
            File.ReadAllText(Output));
        Assert.Equal(new PointJoinCounts(4, 0, 0), counts);
    }

    [Fact]
    public void Run_QuotedFields_ReadBackFieldForField()
    {
        var input = Write("id,note,lon,lat\r\n7,\"a, b; \"\"c\"\"\",0.5,0.5\r\n");

        PointJoinCsv.Run(input, Output, Squares, PointColumns.LonLat());

        using var reader = CsvReader.FromFile(Output, CsvReaderOptions.Default with { Separator = ',' });
        Assert.True(reader.Read());
        Assert.Equal(["id", "note", "lon", "lat", "neighbourhood", "status"], reader.Headers);
        Assert.Equal("a, b; \"c\"", reader.GetString("note"));
        Assert.Equal("E01000001", reader.GetString("neighbourhood"));
        Assert.Equal("matched", reader.GetString("status"));
        Assert.False(reader.Read());
    }

    [Fact]
    public void Run_BadCoordinates_StatusInvalidAndNeighbourhoodEmpty()
    {
        var input = Write(
            "id,lon,lat\n" +
            "empty,,0.5\n" +
            "text,abc,0.5\n" +
            "nan,NaN,0.5\n" +
            "infinite,0.5,Infinity\n" +
            "comma,\"0,5\",0.5\n" +
            "short,0.5\n" +
            "good,0.5,0.5\n");

        var counts = PointJoinCsv.Run(input, Output, Squares, PointColumns.LonLat());

        Assert.Equal(
            "id,lon,lat,neighbourhood,status\n" +
            "empty,,0.5,,invalid\n" +
            "text,abc,0.5,,invalid\n" +
            "nan,NaN,0.5,,invalid\n" +
            "infinite,0.5,Infinity,,invalid\n" +
            "comma,\"0,5\",0.5,,invalid\n" +
            "short,0.5,,,invalid\n" +
            "good,0.5,0.5,E01000001,matched\n",
            File.ReadAllText(Output));
        Assert.Equal(new PointJoinCounts(1, 0, 6), counts);
        Assert.Equal(6, counts[PointStatus.Invalid]);
    }

    [Fact]
    public void Run_PointsOutsideEveryPolygon_KeptWithStatusOutside()
    {
        var input = Write("id,lon,lat\n1,5,5\n2,-0.1,0.5\n3,1,0.5\n4, 1.5 ,0.5\n");

        var counts = PointJoinCsv.Run(input, Output, Squares, PointColumns.LonLat());

        Assert.Equal(
            "id,lon,lat,neighbourhood,status\n1,5,5,,outside\n2,-0.1,0.5,,outside\n3,1,0.5,E01000001,matched\n4, 1.5 ,0.5,E01000002,matched\n",
            File.ReadAllText(Output));
        Assert.Equal(new PointJoinCounts(2, 2, 0), counts);
    }

    [Fact]
    public void Run_MoreRowsThanOneBatch_OrderAndAnswersPreserved()
    {
        var random = new Random(11);
        var rows = (PointJoinCsv.BatchSize * 2) + 123;
        var text = new StringBuilder("id,lat,lon\n");
        var expected = new List<string>(rows);
        for (var i = 0; i < rows; i++)
        {
            var lon = Math.Round((random.NextDouble() * 2.4) - 0.2, 6);
            var lat = Math.Round((random.NextDouble() * 1.4) - 0.2, 6);
            text.Append(i).Append(',').Append(lat.ToString("R", System.Globalization.CultureInfo.InvariantCulture))
                .Append(',').Append(lon.ToString("R", System.Globalization.CultureInfo.InvariantCulture)).Append('\n');
            var found = Squares.Locate(lon, lat);
            expected.Add(found < 0 ? "" : Squares.Code(found));
        }

        var input = Write(text.ToString());
        var reported = new List<long>();

        var counts = PointJoinCsv.Run(input, Output, Squares, PointColumns.LonLat(), new SynchronousProgress(reported.Add));

        var (ids, codes) = ReadBack(Output, "id", PointJoinCsv.NeighbourhoodColumn);
        Assert.Equal(Enumerable.Range(0, rows).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), ids);
        Assert.Equal(expected, codes);
        Assert.Equal(rows, counts.Rows);
        Assert.Equal(expected.Count(c => c.Length > 0), counts.Matched);
        Assert.Equal([PointJoinCsv.BatchSize, PointJoinCsv.BatchSize * 2, rows], reported);
    }

    [Fact]
    public void Run_ColumnNamesInOtherCase_Matched()
    {
        var input = Write("ID, Lon ,LAT\n1,1.5,0.5\n");

        PointJoinCsv.Run(input, Output, Squares, PointColumns.LonLat("lon", "lat"));

        Assert.Equal("ID, Lon ,LAT,neighbourhood,status\n1,1.5,0.5,E01000002,matched\n", File.ReadAllText(Output));
    }

    [Fact]
    public void Run_EastingNorthingColumns_JoinedInTheGridsOwnUnits()
    {
        var grid = new PointIndex(
        [
            ("E01000001", Wkt.Read("POLYGON ((383000 398000, 384000 398000, 384000 399000, 383000 399000, 383000 398000))")),
        ]);
        var input = Write("ref,easting,northing\na,383500,398500\nb,385000,398500\n");

        var counts = PointJoinCsv.Run(input, Output, grid, PointColumns.EastingNorthing());

        Assert.Equal("ref,easting,northing,neighbourhood,status\na,383500,398500,E01000001,matched\nb,385000,398500,,outside\n", File.ReadAllText(Output));
        Assert.Equal(new PointJoinCounts(1, 1, 0), counts);
    }

    [Fact]
    public void Run_ByteOrderMarkAndCrLf_KeptInOutput()
    {
        var input = Path.Combine(_folder, "bom.csv");
        File.WriteAllBytes(input, [.. Encoding.UTF8.Preamble, .. "lon,lat\r\n0.5,0.5\r\n"u8]);

        PointJoinCsv.Run(input, Output, Squares, PointColumns.LonLat());

        Assert.Equal([.. Encoding.UTF8.Preamble, .. "lon,lat,neighbourhood,status\r\n0.5,0.5,E01000001,matched\r\n"u8], File.ReadAllBytes(Output));
    }

    [Fact]
    public void Run_MissingColumn_ThrowsNamingFileLineAndFieldAndListingColumns()
    {
        var input = Write("id,longitude,latitude\n1,0.5,0.5\n");

        var error = Assert.Throws<GeoDataException>(() => PointJoinCsv.Run(input, Output, Squares, PointColumns.LonLat()));

        Assert.Equal(input, error.File);
        Assert.Equal(1, error.Line);
        Assert.Equal("lon", error.Field);
        Assert.Contains("'id', 'longitude', 'latitude'", error.Message);
        Assert.False(File.Exists(Output));
        Assert.Single(Directory.GetFiles(_folder));
    }

    [Fact]
    public void Run_InputAlreadyHasStatusColumn_Throws()
    {
        var input = Write("lon,lat,Status\n0.5,0.5,x\n");

        var error = Assert.Throws<GeoDataException>(() => PointJoinCsv.Run(input, Output, Squares, PointColumns.LonLat()));

        Assert.Equal("status", error.Field);
    }

    [Fact]
    public void Run_RowLongerThanHeaderLateInFile_ThrowsWithLineAndLeavesOldOutputAlone()
    {
        var text = new StringBuilder("lon,lat\n");
        for (var i = 0; i < 100_000; i++)
        {
            text.Append("0.5,0.5\n");
        }

        text.Append("0.5,0.5,extra\n");
        var input = Write(text.ToString());
        File.WriteAllText(Output, "old");

        var error = Assert.Throws<GeoDataException>(() => PointJoinCsv.Run(input, Output, Squares, PointColumns.LonLat()));

        Assert.Equal(100_002, error.Line);
        Assert.Equal("old", File.ReadAllText(Output));
        Assert.Equal(2, Directory.GetFiles(_folder).Length);
    }

    [Fact]
    public void Run_Cancelled_LeavesNoOutput()
    {
        var input = Write("lon,lat\n0.5,0.5\n");

        Assert.Throws<OperationCanceledException>(
            () => PointJoinCsv.Run(input, Output, Squares, PointColumns.LonLat(), cancellationToken: new CancellationToken(canceled: true)));

        Assert.False(File.Exists(Output));
        Assert.Single(Directory.GetFiles(_folder));
    }

    [Fact]
    public void Run_EmptyFile_ThrowsNamingTheFile()
    {
        var input = Write("");

        var error = Assert.Throws<GeoDataException>(() => PointJoinCsv.Run(input, Output, Squares, PointColumns.LonLat()));

        Assert.Equal(input, error.File);
        Assert.Contains("empty", error.Message);
    }

    [Fact]
    public void Run_HeaderOnly_WritesHeaderAndCountsNothing()
    {
        var input = Write("lon,lat\n");

        var counts = PointJoinCsv.Run(input, Output, Squares, PointColumns.LonLat());

        Assert.Equal("lon,lat,neighbourhood,status\n", File.ReadAllText(Output));
        Assert.Equal(0, counts.Rows);
    }

    [EnglandFact]
    public void Run_TraffordPostcodesOnGreaterManchesterLsoas_AgreesWithDirectoryOnAtLeast99Percent()
    {
        var polygons = ReadPolygons(SharedData.England("boundaries", "gm_lsoa21_bgc_epsg4326.geojson"), "area_code");
        var index = new PointIndex(polygons);
        var postcodes = SharedData.England("postcodes", "trafford_postcodes_feb2025.csv");

        var counts = PointJoinCsv.Run(postcodes, Output, index, PointColumns.LonLat("lon", "lat"));

        var (directory, joined) = ReadBack(Output, "lsoa_code", PointJoinCsv.NeighbourhoodColumn);
        var agree = directory.Zip(joined).Count(p => p.First == p.Second);
        Assert.Equal(11_264, counts.Rows);
        Assert.Equal(11_264, joined.Count);
        Assert.True(agree >= 0.99 * joined.Count, $"{agree} of {joined.Count} postcodes agree with the directory's LSOA; {counts}");
    }

    private string Output => Path.Combine(_folder, "out.csv");

    private string Write(string text)
    {
        var path = Path.Combine(_folder, "in.csv");
        File.WriteAllText(path, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        return path;
    }

    private static (List<string> First, List<string> Second) ReadBack(string path, string first, string second)
    {
        using var reader = CsvReader.FromFile(path, CsvReaderOptions.Default with { Separator = ',' });
        var a = new List<string>();
        var b = new List<string>();
        while (reader.Read())
        {
            a.Add(reader.GetString(first));
            b.Add(reader.GetString(second));
        }

        return (a, b);
    }

    // The published file has 4 invalid polygons (self-touching rings); GeometryFixer mends them as buffer(0) would.
    private static List<(string Code, Geometry Polygon)> ReadPolygons(string path, string codeField)
    {
        var options = new JsonSerializerOptions();
        options.Converters.Add(new GeoJsonConverterFactory());
        using var stream = File.OpenRead(path);
        var features = JsonSerializer.Deserialize<FeatureCollection>(stream, options)!;
        return [.. features.Select(f => (f.Attributes[codeField].ToString()!, f.Geometry.IsValid ? f.Geometry : GeometryFixer.Fix(f.Geometry)))];
    }

    // Progress<T> reports on the thread pool, after Run has returned; the test wants the calls in order, at once.
    private sealed class SynchronousProgress(Action<long> report) : IProgress<long>
    {
        public void Report(long value) => report(value);
    }
}
