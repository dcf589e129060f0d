using System.Globalization;
using System.Text.Json;
using Geo.Tests;

namespace Geo.Cli.Tests;

/// <summary><c>geo hotspots --by gistar</c> on full England: North East and North Cumbria's Gi* hot spots of income deprivation.</summary>
public class EnglandHotspotsTests
{
    [EnglandFact]
    public void Hotspots_GiStarWithinNenc_ExportsShownNeighbourhoodsOfTheIcbAboveItsRate()
    {
        var folder = Directory.CreateTempSubdirectory("geo-cli-england-");
        try
        {
            var csv = Path.Combine(folder.FullName, "nenc-gistar.csv");
            var geojson = Path.Combine(folder.FullName, "nenc-gistar.geojson");
            string[] common = ["hotspots", "--dataset", Path.Combine(SharedData.RepositoryRoot, "data", "england.dataset.json"),
                "--data-root", SharedData.EnglandDirectory!, "--indicator", "income-deprivation", "--within", "E54000050", "--by", "gistar", "--top", "1000"];

            var (exit, _, error) = GeoProcess.Run([.. common, "--out", csv]);
            var (exitGeo, _, errorGeo) = GeoProcess.Run([.. common, "--format", "geojson", "--out", geojson]);

            Assert.True(exit == 0, error);
            Assert.True(exitGeo == 0, errorGeo);
            var nenc = RawCsv.Read(SharedData.England("lookups", "lsoa21_sicbl24_icb24_lad24_rgn24_nhser_en.csv"), "LSOA21CD", "ICB24CD")
                .Where(r => r[1] == "E54000050").Select(r => r[0]).ToHashSet();
            var lines = File.ReadAllLines(csv);
            var header = RawCsv.Split(lines[0].TrimStart('\uFEFF'));
            var rows = lines.Skip(1).Select(l => header.Zip(RawCsv.Split(l)).ToDictionary(p => p.First, p => p.Second)).ToArray();
            Assert.True(rows.Length > 50, $"{rows.Length} hot spots");
            Assert.All(rows, r => Assert.Contains(r["code"], nenc));
            Assert.All(rows, r => Assert.Equal("", r["suppressed"]));

            // Hot spots cluster where income deprivation is high: on average above the ICB's own rate, summed from the raw files.
            var income = RawCsv.Read(SharedData.England("deprivation", "imd2025_england_lsoa21_indicators.csv"), "lsoa21_code", "income_domain_numerator")
                .Where(r => nenc.Contains(r[0]) && r[1].Length > 0).ToDictionary(r => r[0], r => double.Parse(r[1], CultureInfo.InvariantCulture));
            var people = RawCsv.Read(SharedData.England("population", "census2021_ts007a_age_5yr_bands_lsoa21_ew.csv"), "LSOA21CD", "Total")
                .Where(r => income.ContainsKey(r[0])).ToDictionary(r => r[0], r => double.Parse(r[1], CultureInfo.InvariantCulture));
            var nencRate = 100 * income.Values.Sum() / people.Values.Sum();
            var values = rows.Select(r => double.Parse(r["value"], CultureInfo.InvariantCulture)).ToArray();
            Assert.True(values.Average() > nencRate, $"mean {values.Average():F1}% income deprived in the hot spots, {nencRate:F1}% in the ICB");
            Assert.All(rows, r => Assert.InRange(Math.Abs((100 * income[r["code"]] / people[r["code"]]) - double.Parse(r["value"], CultureInfo.InvariantCulture)), 0, 1e-6));

            using var metadata = JsonDocument.Parse(File.ReadAllText(csv + ".metadata.json"));
            Assert.Contains("gistar", metadata.RootElement.GetProperty("selection").GetString(), StringComparison.Ordinal);
            Assert.False(metadata.RootElement.GetProperty("synthetic").GetBoolean());
            using var features = JsonDocument.Parse(File.ReadAllText(geojson));
            Assert.Equal(rows.Select(r => r["code"]), features.RootElement.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("id").GetString()));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
