using System.Text.Json;

namespace Geo.Cli.Tests.BadInput;

/// <summary>
/// Runs every case of <see cref="BadInputCatalogue"/> through the real <c>geo</c> program: a refused file exits 2 with
/// one <c>error:</c> line naming the file, the line or feature and the field, prints nothing on stdout (nothing was
/// loaded, nothing reported), and shows no stack trace or exception type; a reported fault exits 0 with it in the report.
/// </summary>
public class BadInputCatalogueTests
{
    public static TheoryData<string> Cases => BadInputCatalogue.Names();

    [Theory]
    [MemberData(nameof(Cases))]
    public void Check_BadInput_AnswersAsCatalogued(string name)
    {
        var badCase = BadInputCatalogue.Find(name);
        using var folder = BadInputFolder.Create();
        badCase.Arrange(folder);
        var args = badCase.Command(folder);
        if (badCase.Outcome is Loaded && args[0] == "check")
        {
            args = [.. args, "--json"];
        }

        var (exit, output, error) = GeoProcess.Run(args);

        AssertNoInternals(error);
        AssertNoInternals(output);
        switch (badCase.Outcome)
        {
            case Refused refused:
                Assert.True(exit == 2, $"exit {exit}; stderr: {error}");
                Assert.Empty(output);
                var errors = error.Split('\n').Where(l => l.StartsWith("error:", StringComparison.Ordinal)).ToArray();
                var line = Assert.Single(errors).TrimEnd('\r');
                var where = $"error: {folder.File(refused.File)}"
                    + (refused.Where is null ? "" : $", {refused.Where}")
                    + (refused.Field is null ? "" : $", field '{refused.Field}'")
                    + ": ";
                Assert.True(
                    line.StartsWith(where, StringComparison.Ordinal) && line[where.Length..].Contains(refused.Says, StringComparison.Ordinal),
                    $"expected {where}…{refused.Says}…\nactual   {line}");
                break;

            case UploadRefused upload:
                Assert.True(exit == 2, $"exit {exit}; stderr: {error}");
                Assert.False(File.Exists(folder.File("out.csv")), "nothing is exported from a refused file");
                Assert.True(error.Contains(upload.Says, StringComparison.Ordinal), $"expected …{upload.Says}…\nactual {error}");
                break;

            case Loaded loaded:
                Assert.True(exit == 0, $"exit {exit}; stderr: {error}");
                using (var json = JsonDocument.Parse(output))
                {
                    if (loaded.Section is { } section)
                    {
                        var text = json.RootElement.GetProperty(section).GetRawText();
                        Assert.Contains(loaded.Says!, text, StringComparison.Ordinal);
                    }
                }

                break;

            default:
                throw new InvalidOperationException($"unknown outcome {badCase.Outcome}");
        }
    }

    [Fact]
    public void Catalogue_NamesAreUnique()
    {
        var names = BadInputCatalogue.Cases.Select(c => c.Name).ToList();
        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
    }

    private static void AssertNoInternals(string text)
    {
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled", text, StringComparison.Ordinal);
    }
}
