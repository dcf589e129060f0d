using Geo.Core.Sources;
using Geo.Data.Import;

namespace Geo.Data.Tests.Import;

public sealed class CsvTableTests
{
    [Fact]
    public void Open_BomAndQuotedFields_ReadsHeaderWithoutBom()
    {
        using var table = CsvTable.Open(ImportFixtures.Path("lookup_bom_quoted.csv"));

        Assert.Equal("LSOA21CD", table.Headers[0]);
        Assert.Equal(0, table.Column("LSOA21CD").Index);
    }

    [Fact]
    public void Read_QuotedLineBreak_LinesArePhysicalLines()
    {
        using var table = CsvTable.Open(ImportFixtures.Path("lookup_bom_quoted.csv"));
        var icb = table.Column("ICB24NM");
        var lines = new List<long>();
        var names = new List<string>();
        while (table.Read())
        {
            lines.Add(table.Line);
            names.Add(table.GetText(icb));
        }

        Assert.Equal([2L, 3L, 4L, 6L], lines);
        Assert.Equal("NHS Humber and North Yorkshire\nIntegrated Care Board", names[2]);
    }

    [Fact]
    public void Column_DifferentCaseAndSpaces_Found()
    {
        using var table = CsvTable.Open(ImportFixtures.Path("lookup_bom_quoted.csv"));

        var column = table.Column("  lsoa21nm ");

        Assert.Equal(new CsvColumn(1, "LSOA21NM"), column);
    }

    [Fact]
    public void Column_Missing_ErrorNamesFileLineOneFieldAndListsColumns()
    {
        var path = ImportFixtures.Path("lookup_bom_quoted.csv");
        using var table = CsvTable.Open(path);

        var error = Assert.Throws<GeoDataException>(() => table.Column("LSOA11CD"));

        ImportFixtures.AssertNames(error, path, 1, "LSOA11CD");
        Assert.Contains("'LSOA21CD', 'LSOA21NM', 'LAD24CD', 'LAD24NM', 'ICB24CD', 'ICB24NM'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Column_SemicolonSeparatedFile_ErrorSaysSo()
    {
        using var folder = new TempFolder();
        using var table = CsvTable.Open(folder.Write("semicolons.csv", "code;value\nA;1\n"));

        var error = Assert.Throws<GeoDataException>(() => table.Column("code"));

        Assert.Contains("separated by ';'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Column_TwoColumnsDifferOnlyInCase_ErrorSaysAmbiguous()
    {
        using var folder = new TempFolder();
        var path = folder.Write("twice.csv", "Code,CODE\nA,B\n");
        using var table = CsvTable.Open(path);

        Assert.Equal(0, table.Column("Code").Index);
        var error = Assert.Throws<GeoDataException>(() => table.Column("code"));
        Assert.Contains("several columns", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("29,199", 29199)]
    [InlineData(" 1,234,567.5 ", 1234567.5)]
    [InlineData("-12", -12)]
    [InlineData("0.25", 0.25)]
    [InlineData("1e3", 1000)]
    public void GetDouble_ThousandsSeparatorsAndSpaces_Parsed(string text, double expected)
    {
        using var folder = new TempFolder();
        var path = folder.Write("n.csv", $"code,value\nA,\"{text}\"\n");
        using var table = CsvTable.Open(path);
        var value = table.Column("value");
        Assert.True(table.Read());

        Assert.Equal(expected, table.GetDouble(value));
    }

    [Theory]
    [InlineData("12a")]
    [InlineData("1,5")]
    [InlineData("1,2345")]
    [InlineData("NaN")]
    [InlineData("--1")]
    public void GetDouble_NotANumber_ErrorNamesFileLineFieldAndValue(string text)
    {
        using var folder = new TempFolder();
        var path = folder.Write("n.csv", $"code,value\nA,1\nB,\"{text}\"\n");
        using var table = CsvTable.Open(path);
        var value = table.Column("VALUE");
        table.Read();
        table.Read();

        var error = Assert.Throws<GeoDataException>(() => table.GetDouble(value));

        ImportFixtures.AssertNames(error, path, 3, "value");
        Assert.Contains($"'{text}' is not a number", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GetOptionalDouble_Empty_Null()
    {
        using var folder = new TempFolder();
        using var table = CsvTable.Open(folder.Write("n.csv", "code,value\nA,\n"));
        var value = table.Column("value");
        table.Read();

        Assert.Null(table.GetOptionalDouble(value));
        Assert.Throws<GeoDataException>(() => table.GetDouble(value));
    }

    [Fact]
    public void GetInt32_Fraction_ErrorSaysNotWhole()
    {
        using var folder = new TempFolder();
        var path = folder.Write("n.csv", "code,value\nA,2.5\n");
        using var table = CsvTable.Open(path);
        var value = table.Column("value");
        table.Read();

        var error = Assert.Throws<GeoDataException>(() => table.GetInt32(value));

        Assert.Contains("'2.5' is not a whole number", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GetText_ShortRow_ErrorNamesLineAndField()
    {
        using var folder = new TempFolder();
        var path = folder.Write("short.csv", "a,b,c\n1,2,3\n4,5\n");
        using var table = CsvTable.Open(path);
        var c = table.Column("c");
        table.Read();
        Assert.Equal("3", table.GetText(c));
        table.Read();

        var error = Assert.Throws<GeoDataException>(() => table.GetText(c));

        ImportFixtures.AssertNames(error, path, 3, "c");
    }

    [Fact]
    public void Read_UnclosedQuote_ErrorNamesFileAndLine()
    {
        using var folder = new TempFolder();
        var path = folder.Write("bad.csv", "a,b\n1,2\n3,\"x\n5,6\n");
        using var table = CsvTable.Open(path);

        var error = Assert.Throws<GeoDataException>(() =>
        {
            while (table.Read())
            {
            }
        });

        Assert.Equal(path, error.File);
        Assert.Equal(3, error.Line);
    }

    [Fact]
    public void Open_MissingFile_ErrorNamesFile()
    {
        var path = ImportFixtures.Path("no-such-file.csv");

        var error = Assert.Throws<GeoDataException>(() => CsvTable.Open(path));

        Assert.Equal(path, error.File);
        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_EmptyFile_ErrorSaysEmpty()
    {
        using var folder = new TempFolder();
        var path = folder.Write("empty.csv", string.Empty);

        var error = Assert.Throws<GeoDataException>(() => CsvTable.Open(path));

        Assert.Contains("empty", error.Message, StringComparison.Ordinal);
    }
}
