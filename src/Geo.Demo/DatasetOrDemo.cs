using Geo.Data.Loading;
using Geo.Model;

namespace Geo.Demo;

/// <summary>
/// What <c>geo serve</c> and every dataset command open: the dataset of a manifest, or the embedded synthetic demo
/// when none is given. The choice lives here, above both the loader and the demo, so that Geo.Data never refers to
/// the demo. Thread-safe (no state).
/// </summary>
public static class DatasetOrDemo
{
    /// <summary>The dataset of <paramref name="manifestPath"/> (<see cref="DatasetLoader.Load"/>), or the demo of
    /// <paramref name="demoSeed"/> built by the same loader when the path is null or blank.</summary>
    /// <exception cref="Geo.Core.Sources.GeoDataException">A file of the manifest is bad (names file, line and field).</exception>
    public static Dataset Load(string? manifestPath, string? dataRoot, IProgress<string>? progress = null,
        int demoSeed = DemoDataset.DefaultSeed)
    {
        if (!string.IsNullOrWhiteSpace(manifestPath))
        {
            return DatasetLoader.Load(manifestPath, dataRoot, progress);
        }

        progress?.Report($"no dataset given: generating the embedded synthetic demo (seed {demoSeed})");
        return DatasetLoader.Build(DemoDataset.Generate(demoSeed).Source, progress);
    }

    /// <summary>Only what a point join needs: the neighbourhood polygons of <paramref name="manifestPath"/>
    /// (<see cref="DatasetLoader.LoadNeighbourhoods"/>), or of the demo when the path is null or blank.</summary>
    /// <exception cref="Geo.Core.Sources.GeoDataException">A file of the manifest is bad (names file, line and field).</exception>
    public static NeighbourhoodPolygons LoadNeighbourhoods(string? manifestPath, string? dataRoot, IProgress<string>? progress = null,
        int demoSeed = DemoDataset.DefaultSeed) =>
        string.IsNullOrWhiteSpace(manifestPath)
            ? Load(null, dataRoot, progress, demoSeed).Neighbourhoods
            : DatasetLoader.LoadNeighbourhoods(manifestPath, dataRoot, progress);
}
