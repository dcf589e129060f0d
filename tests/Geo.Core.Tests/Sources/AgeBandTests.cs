using Geo.Core.Sources;

namespace Geo.Core.Tests.Sources;

public class AgeBandTests
{
    [Theory]
    [InlineData("0-4", 0, 4)]
    [InlineData(" 85-89 ", 85, 89)]
    [InlineData("85+", 85, null)]
    public void Parse_ValidText_GivesBand(string text, int from, int? to) =>
        Assert.Equal(new AgeBand(from, to), AgeBand.Parse(text));

    [Theory]
    [InlineData("")]
    [InlineData("4-0")]
    [InlineData("eighty")]
    [InlineData("-4")]
    public void Parse_BadText_Throws(string text) => Assert.Throws<FormatException>(() => AgeBand.Parse(text));

    [Fact]
    public void Esp2013_HasNineteenFiveYearBandsEndingAt90Plus()
    {
        Assert.Equal(19, AgeBand.Esp2013.Count);
        Assert.Equal("0-4", AgeBand.Esp2013[0].ToString());
        Assert.Equal("85-89", AgeBand.Esp2013[17].ToString());
        Assert.Equal("90+", AgeBand.Esp2013[18].ToString());
    }
}
