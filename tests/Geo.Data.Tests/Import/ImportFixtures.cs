using Geo.Core.Sources;

namespace Geo.Data.Tests.Import;

/// <summary>The small files in tests/fixtures/import, copied beside the test binaries, and shared assertions.</summary>
internal static class ImportFixtures
{
    public static string Path(string name) => System.IO.Path.Combine(AppContext.BaseDirectory, "fixtures", "import", name);

    /// <summary>Asserts the error names the file, the line or feature, and the field, in its properties and its message.</summary>
    public static void AssertNames(GeoDataException error, string file, long? line, string? field)
    {
        Assert.Equal(file, error.File);
        Assert.Equal(line, error.Line);
        Assert.Equal(field, error.Field);
        Assert.Contains(file, error.Message, StringComparison.Ordinal);
        if (line is not null)
        {
            // Text files are numbered by line, boundary files by feature.
            var byFeature = !file.EndsWith(".csv", StringComparison.OrdinalIgnoreCase);
            Assert.Equal(byFeature, error.IsFeature);
            Assert.Contains($"{(byFeature ? "feature" : "line")} {line}", error.Message, StringComparison.Ordinal);
        }

        if (field is not null)
        {
            Assert.Contains($"'{field}'", error.Message, StringComparison.Ordinal);
        }
    }
}
