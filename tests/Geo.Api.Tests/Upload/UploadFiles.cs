using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Geo.Demo;

namespace Geo.Api.Tests.Upload;

/// <summary>
/// The demo written as files (as <c>geo demo</c> writes it), a small indicator CSV of its neighbourhood codes, and a copy of
/// the manifest with that CSV as an ordinary manifest entry: the same file through both doors.
/// </summary>
internal static class UploadFiles
{
    public const string Id = "my-admissions";

    /// <summary>The CSV: 60 demo neighbourhoods × 2 years, counts and denominators made up by a fixed rule.</summary>
    public static string Csv()
    {
        var csv = new StringBuilder("LSOA21CD,year,admissions,population\n");
        for (var i = 1; i <= 60; i++)
        {
            foreach (var year in new[] { 2022, 2023 })
            {
                csv.Append(CultureInfo.InvariantCulture, $"X01{i:000000},{year},{(i * 7 + year) % 23},{1000 + i * 13}\n");
            }
        }

        return csv.ToString();
    }

    /// <summary>Writes the demo, the CSV and two manifests: the demo's own (returned first) and one with the CSV as an entry.</summary>
    public static (string Plain, string WithEntry, string CsvPath) Write()
    {
        var directory = Directory.CreateTempSubdirectory("geo-upload-").FullName;
        var plain = DemoDataset.WriteFiles(DemoDataset.Generate(), directory);
        var csvPath = Path.Combine(directory, "mine.csv");
        File.WriteAllText(csvPath, Csv());
        var manifest = JsonNode.Parse(File.ReadAllText(plain))!.AsObject();
        manifest["indicators"]!.AsArray().Add(new JsonObject
        {
            ["id"] = Id,
            ["name"] = "My admissions",
            ["valueType"] = "crude-rate",
            ["multiplier"] = 100000,
            ["polarity"] = "higher-is-worse",
            ["file"] = new JsonObject
            {
                ["path"] = "mine.csv",
                ["area"] = "LSOA21CD",
                ["period"] = "year",
                ["numerator"] = "admissions",
                ["denominator"] = "population",
            },
        });
        var withEntry = Path.Combine(directory, "with-entry.dataset.json");
        File.WriteAllText(withEntry, manifest.ToJsonString());
        return (plain, withEntry, csvPath);
    }
}
