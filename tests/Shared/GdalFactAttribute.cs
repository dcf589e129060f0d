namespace Geo.Tests;

/// <summary>A test that reads the server or an export with GDAL's <c>ogrinfo</c>/<c>ogr2ogr</c> (Debian's gdal-bin, installed by
/// .ci/run); skipped with a message when they are absent.</summary>
internal sealed class GdalFactAttribute : FactAttribute
{
    public const string Message = "GDAL's ogrinfo and ogr2ogr not found on the PATH: install them (apt-get install -y gdal-bin) to run the GDAL tests.";

    public GdalFactAttribute()
    {
        if (Ogr.Find("ogrinfo") is null || Ogr.Find("ogr2ogr") is null)
        {
            Skip = Message;
        }
    }
}
