using System.Text.Json;
using System.Text.RegularExpressions;
using Geo.Core.Sources;

namespace Geo.Data.Manifest;

/// <summary>Reads a <see cref="DatasetManifest"/>, checks that its files lie within the data folder, and resolves their paths. Stateless and thread-safe.</summary>
public static partial class ManifestReader
{
    private const int MaxProblemLength = 300;

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
            var field = e.Path is null or "$" ? null : e.Path.StartsWith("$.", StringComparison.Ordinal) ? e.Path[2..] : e.Path;
            throw new GeoDataException(path, e.LineNumber + 1, field, Tidy(e.Message), e);
        }
    }

    /// <summary>
    /// Refuses a manifest whose files are not all within the data folder (<paramref name="dataRoot"/>, else the
    /// manifest's folder): a path climbing out with <c>..</c> or an absolute path elsewhere. A manifest passed around
    /// cannot then make Geo read, and quote in its messages, files it was never meant to see.
    /// </summary>
    /// <exception cref="GeoDataException">A path leaves the folder; the message names the manifest field.</exception>
    public static void CheckPaths(string manifestPath, string? dataRoot, DatasetManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(Root(manifestPath, dataRoot)));
        var comparison = OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        foreach (var (field, relative) in Paths(manifest))
        {
            var full = Resolve(manifestPath, dataRoot, relative);
            if (!full.StartsWith(root + Path.DirectorySeparatorChar, comparison))
            {
                throw new GeoDataException(manifestPath, null, field,
                    $"'{relative}' leaves the data folder {root}: every file the manifest names must lie within it "
                    + "(move the file in, or give --data-root a folder that holds them all)");
            }
        }
    }

    /// <summary>Every file path the manifest names, with its field as the manifest spells it.</summary>
    public static IEnumerable<(string Field, string Path)> Paths(DatasetManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var paths = new List<(string, string?)>
        {
            ("neighbourhoods.path", manifest.Neighbourhoods?.Path),
            ("hierarchy.path", manifest.Hierarchy?.Path),
            ("icps.path", manifest.Icps?.Path),
            ("population.path", manifest.Population?.Path),
            ("deprivation.path", manifest.Deprivation?.Path),
        };
        for (var i = 0; i < manifest.Indicators.Count; i++)
        {
            var file = manifest.Indicators[i]?.File;
            paths.Add(($"indicators[{i}].file.path", file?.Path));
            paths.Add(($"indicators[{i}].file.lsoa11Lookup.path", file?.Lsoa11Lookup?.Path));
            paths.Add(($"indicators[{i}].file.flows.path", file?.Flows?.Path));
            paths.Add(($"indicators[{i}].file.flows.lsoa11Lookup.path", file?.Flows?.Lsoa11Lookup?.Path));
        }

        paths.Add(("flows.path", manifest.Flows?.Path));
        paths.Add(("flows.lsoa11Lookup.path", manifest.Flows?.Lsoa11Lookup?.Path));
        return paths.Where(p => !string.IsNullOrWhiteSpace(p.Item2)).Select(p => (p.Item1, p.Item2!));
    }

    /// <summary>
    /// Resolves a path from the manifest: absolute paths stay, relative ones are taken from
    /// <paramref name="dataRoot"/> when given, else from the manifest's folder. <see cref="CheckPaths"/> says whether
    /// the result lies within that folder.
    /// </summary>
    public static string Resolve(string manifestPath, string? dataRoot, string relative)
    {
        if (Path.IsPathRooted(relative))
        {
            return relative;
        }

        return Path.GetFullPath(Path.Combine(Root(manifestPath, dataRoot), relative));
    }

    private static string Root(string manifestPath, string? dataRoot) =>
        dataRoot ?? Path.GetDirectoryName(Path.GetFullPath(manifestPath))!;

    /// <summary>
    /// The JSON reader's message for a person: without its "Path: … | LineNumber: …" tail (the error already names the
    /// line and field), without .NET type names, on one line and not too long.
    /// </summary>
    private static string Tidy(string message)
    {
        var text = message;
        var tail = text.IndexOf(" Path: ", StringComparison.Ordinal);
        if (tail < 0)
        {
            tail = text.IndexOf(" LineNumber: ", StringComparison.Ordinal);
        }

        text = tail >= 0 ? text[..tail] : text;
        text = TypeName().Replace(text, string.Empty)
            .Replace("could not be mapped to any .NET member", "is not a field Geo knows here (see docs/data.md)", StringComparison.Ordinal);
        text = string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return text.Length > MaxProblemLength ? text[..MaxProblemLength] + "…" : text;
    }

    [GeneratedRegex(@"\s*(contained in |for )?type '[\w.`+\[\], ]+'")]
    private static partial Regex TypeName();
}
