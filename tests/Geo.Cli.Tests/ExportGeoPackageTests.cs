using Geo.Tests;

namespace Geo.Cli.Tests;

/// <summary>
/// <c>geo export --format gpkg</c> read back by GDAL's ogrinfo, as QGIS would open it: the layer, its CRS, one feature per
/// CSV row and the same figures as the CSV export of the same rows (which ogrinfo also reads).
/// </summary>
public class ExportGeoPackageTests
{
    private const string Copd = "copd-emergency-admissions";

    private static string TempFile(string name) => Path.Combine(Directory.CreateTempSubdirectory("geo-gpkg-").FullName, name);

    [GdalFact]
    public void ExportGpkg_DemoNeighbourhoods_OgrinfoReadsTheCsvsRowsAndFigures()
    {
        var gpkg = TempFile("neighbourhoods.gpkg");
        var csv = TempFile("neighbourhoods.csv");

        var (exit, _, error) = GeoProcess.Run("export", "--indicator", Copd, "--level", "neighbourhood", "--within", "X54000001",
            "--format", "gpkg", "--out", gpkg);
        var (csvExit, _, csvError) = GeoProcess.Run("export", "--indicator", Copd, "--level", "neighbourhood", "--within", "X54000001",
            "--out", csv);

        Assert.True(exit == 0, error);
        Assert.True(csvExit == 0, csvError);
        var summary = Ogr.Run("ogrinfo", "-ro", "-so", gpkg, "copd_emergency_admissions");
        var csvRows = File.ReadAllLines(csv).Length - 1;
        Assert.Contains($"Feature Count: {csvRows}", summary, StringComparison.Ordinal);
        Assert.Contains("Geometry: Multi Polygon", summary, StringComparison.Ordinal);
        Assert.Contains("ID[\"EPSG\",27700]", summary, StringComparison.Ordinal);
        Assert.Contains("value: Real", summary, StringComparison.Ordinal);
        Assert.Contains("rank: Integer", summary, StringComparison.Ordinal);
        // The export metadata: in words as the layer's description, whole in gpkg_metadata.
        Assert.Contains("DESCRIPTION=Emergency hospital admissions for COPD", summary, StringComparison.Ordinal);
        Assert.Contains("\"suppressionRule\": \"Counts from 1 to 7 are suppressed", summary, StringComparison.Ordinal);

        // Field by field, the GeoPackage's values are the CSV's, both read by GDAL (the CSV driver reads the BOM'd UTF-8).
        var fromGpkg = Ogr.Run("ogrinfo", "-ro", "-al", "-q", "-nogeomtype", gpkg);
        var fromCsv = Ogr.Run("ogrinfo", "-ro", "-al", "-q", csv);
        foreach (var field in new[] { "code", "name", "count", "value", "upper998", "suppressed", "rank", "note" })
        {
            var csvValues = Ogr.Values(fromCsv, field).Select(v => v == "" ? "(null)" : v);
            Assert.Equal(csvValues, Ogr.Values(fromGpkg, field));
        }

        Assert.Contains(Ogr.Values(fromGpkg, "suppressed"), v => v == "primary");
    }

    [Fact]
    public void ExportGpkg_WithoutOut_SaysToGiveAFile()
    {
        var (exit, _, error) = GeoProcess.Run("export", "--indicator", Copd, "--level", "place", "--format", "gpkg");

        Assert.Equal(2, exit);
        Assert.Contains("--out", error, StringComparison.Ordinal);
    }
}
