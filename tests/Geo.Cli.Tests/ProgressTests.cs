namespace Geo.Cli.Tests;

/// <summary>Long work shows its stages on a terminal and stays quiet when piped (issue 14.3).</summary>
public class ProgressTests
{
    private static readonly string[] Export =
        ["export", "--indicator", "copd-emergency-admissions", "--level", "system", "--format", "csv"];

    [Fact]
    public void Export_StandardErrorPiped_HoldsOnlyTheMetadataNoStages()
    {
        var (exit, output, error) = GeoProcess.Run(Export);

        Assert.Equal(0, exit);
        Assert.StartsWith("code,name,level", output, StringComparison.Ordinal);
        Assert.DoesNotContain("] generating the embedded synthetic demo", error, StringComparison.Ordinal);
        Assert.DoesNotContain(error.Split('\n'), l => l.StartsWith('['));
    }

    [Fact]
    public void Export_ProgressAlways_ShowsEachStageWithItsTimeAlthoughPiped()
    {
        var (exit, _, error) = GeoProcess.RunWith(new Dictionary<string, string> { ["GEO_PROGRESS"] = "always" }, Export);

        Assert.Equal(0, exit);
        Assert.Matches(@"^\[\s+\d+\.\d s\] no dataset given: generating the embedded synthetic demo", error.Split('\n')[0]);
        Assert.Contains("s] dissolving place, ICP and system boundaries from the neighbourhoods", error, StringComparison.Ordinal);
    }
}
