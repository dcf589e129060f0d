namespace Geo.Core.Tests.Statistics;

public class ReferenceCsvTests
{
    [Fact]
    public void Parse_QuotedFieldsBomAndLineBreakInHeader_ReadsColumnsByName()
    {
        const string text = "\uFEFF\"Observed_events\n\",x,\"a, b\"\r\n1,\"65\",\"say \"\"hi\"\"\"\n,,\n2,,z\n";

        var table = ReferenceCsv.Parse(text, "inline");

        Assert.Equal(["Observed_events", "x", "a, b"], table.Headers);
        Assert.Equal(2, table.Rows.Count);
        Assert.Equal(65, table.Rows[0].Number("x"));
        Assert.Equal("say \"hi\"", table.Rows[0]["a, b"]);
        Assert.Null(table.Rows[1].OptionalNumber("x"));
        Assert.Equal(0, table.Rows[1].NumberOrZero("x"));
        Assert.Equal(5, table.Rows[1].Line);
    }
}
