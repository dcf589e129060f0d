using System.Text.Json;
using Geo.Core.Sources;

namespace Geo.Data.Manifest;

/// <summary>Reads a <see cref="DatasetManifest"/> and resolves the paths in it.</summary>
public static class ManifestReader
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
    };

    public static DatasetManifest Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new GeoDataException(path, null, null, "the manifest file does not exist.");
        }

        try
        {
            using var stream = File.OpenRead(path);
            return JsonSerializer.Deserialize<DatasetManifest>(stream, Options)
                ?? throw new GeoDataException(path, null, null, "the manifest is empty.");
        }
        catch (JsonException e)
        {
            throw new GeoDataException(path, e.LineNumber + 1, e.Path, e.Message, e);
        }
    }

    /// <summary>
    /// Resolves a path from the manifest: absolute paths stay, relative ones are taken from
    /// <paramref name="dataRoot"/> when given, else from the manifest's folder.
    /// </summary>
    public static string Resolve(string manifestPath, string? dataRoot, string relative)
    {
        if (Path.IsPathRooted(relative))
        {
            return relative;
        }

        var root = dataRoot ?? Path.GetDirectoryName(Path.GetFullPath(manifestPath))!;
        return Path.GetFullPath(Path.Combine(root, relative));
    }
}
