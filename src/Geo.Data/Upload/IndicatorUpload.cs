using Geo.Core.Geography;
using Geo.Core.Indicators;
using Geo.Core.Sources;
using Geo.Data.Indicators;
using Geo.Data.Manifest;
using Geo.Model;

namespace Geo.Data.Upload;

/// <summary>
/// A person's own indicator CSV read against a loaded dataset, for <c>POST /api/indicators</c> and <c>--indicator-file</c>:
/// the options become an in-memory manifest entry (long format) read by <see cref="IndicatorReader"/>, the same reader as
/// a manifest's, but collecting every problem (bad cells, negative or non-finite counts, repeated rows, unknown codes,
/// missing columns, a binary file) instead of stopping at the first. Either the whole file loads or nothing does.
/// Stateless and thread-safe.
/// </summary>
public static class IndicatorUpload
{
    /// <summary>How many problems a report lists (the rest are counted).</summary>
    public const int ListedProblems = 100;

    private const int SniffBytes = 8192;

    /// <summary>
    /// Reads the file whose bytes <paramref name="content"/> gives (a new stream from the start on each call), named
    /// <paramref name="file"/> in messages, as a new indicator of <paramref name="dataset"/>.
    /// </summary>
    /// <param name="lsoa11Lookup">The LSOA 2011 → 2021 lookup (resolved path and columns) for <c>neighbourhood-2011</c>
    /// files; null when the dataset names none.</param>
    /// <exception cref="IndicatorUploadException">The options or the file have problems; each is listed with its line and field.</exception>
    public static IndicatorSource Read(Func<Stream> content, string file, IndicatorUploadOptions options, Dataset dataset,
        (string Path, Lsoa11LookupSpec Spec)? lsoa11Lookup = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(dataset);
        var problems = new IndicatorProblems(ListedProblems);
        var spec = Spec(file, options, dataset, lsoa11Lookup?.Spec, problems);
        if (problems.Count == 0)
        {
            CheckText(content, problems);
        }

        if (problems.Count > 0 || spec is null)
        {
            throw new IndicatorUploadException(file, problems);
        }

        var context = Context(dataset) with
        {
            Manifest = "options",
            Entry = "upload",
            Content = content,
            Problems = problems,
            Lsoa11LookupPath = lsoa11Lookup?.Path,
        };
        try
        {
            return IndicatorReader.Read(spec, file, context);
        }
        catch (GeoDataException e)
        {
            if (problems.Count == 0)
            {
                // The entry itself was refused (IndicatorPlan): name the option, not the manifest field.
                problems.Add(null, Option(e.Field), e.Problem);
            }

            throw new IndicatorUploadException(file, problems);
        }
    }

    /// <summary>Reads a file on disk; see <see cref="Read(Func{Stream}, string, IndicatorUploadOptions, Dataset, ValueTuple{string, Lsoa11LookupSpec}?)"/>.</summary>
    /// <exception cref="IndicatorUploadException">The file is missing, or it or the options have problems.</exception>
    public static IndicatorSource ReadFile(string path, IndicatorUploadOptions options, Dataset dataset,
        (string Path, Lsoa11LookupSpec Spec)? lsoa11Lookup = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            var problems = new IndicatorProblems(ListedProblems);
            problems.Add(null, null, "the file does not exist");
            throw new IndicatorUploadException(path, problems);
        }

        return Read(() => File.OpenRead(path), path, options, dataset, lsoa11Lookup);
    }

    /// <summary>
    /// The first LSOA 2011 → 2021 lookup the manifest names (an indicator's or the flow table's), resolved; null for the
    /// demo or a manifest that names none.
    /// </summary>
    public static (string Path, Lsoa11LookupSpec Spec)? FindLsoa11Lookup(string? manifestPath, string? dataRoot)
    {
        if (string.IsNullOrWhiteSpace(manifestPath))
        {
            return null;
        }

        var manifest = ManifestReader.Read(manifestPath);
        var spec = manifest.Indicators.Select(i => i.File?.Lsoa11Lookup).FirstOrDefault(l => l is not null) ?? manifest.Flows?.Lsoa11Lookup;
        return spec is null ? null : (ManifestReader.Resolve(manifestPath, dataRoot, spec.Path), spec);
    }

    /// <summary>The codes, populations and bands of a loaded dataset, as the indicator reader needs them.</summary>
    public static IndicatorReadContext Context(Dataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var population = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
        foreach (var (code, counts) in dataset.Population)
        {
            population[code] = counts.Sum();
        }

        return new IndicatorReadContext
        {
            Manifest = dataset.Name,
            Neighbourhoods = dataset.Geography.AtLevel(Level.Neighbourhood).Select(a => a.Code).ToHashSet(StringComparer.OrdinalIgnoreCase),
            Places = dataset.Geography.AtLevel(Level.Place).Select(a => a.DistrictCode ?? a.Code).ToHashSet(StringComparer.OrdinalIgnoreCase),
            SplitDistricts = SplitDistricts(dataset.Geography),
            BandPopulation = dataset.Population,
            Population = population,
            AgeBands = dataset.AgeBands,
        };
    }

    /// <summary>The partial places of each district split between systems, as the manifest reader finds them from the lookup,
    /// so that district figures are apportioned to the parts as a manifest load does.</summary>
    private static Dictionary<string, IReadOnlyList<DistrictPart>> SplitDistricts(Core.Geography.Geography geography) =>
        geography.AtLevel(Level.Place)
            .Where(p => p.IsPartial && p.DistrictCode is not null)
            .GroupBy(p => p.DistrictCode!, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(
                g => g.Key,
                g => (IReadOnlyList<DistrictPart>)g
                    .Select(p => new DistrictPart(p.Code, geography.Ancestors(p).First(a => a.Level == Level.System).Code,
                        [.. geography.Neighbourhoods(p).Select(n => n.Code)]))
                    .OrderBy(p => p.Code, StringComparer.Ordinal)
                    .ToArray(),
                StringComparer.OrdinalIgnoreCase);

    /// <summary>The options as a manifest entry, or null with the problems recorded.</summary>
    private static IndicatorSpec? Spec(string file, IndicatorUploadOptions o, Dataset dataset, Lsoa11LookupSpec? lookup, IndicatorProblems problems)
    {
        var id = o.Id?.Trim() ?? "";
        if (id.Length == 0)
        {
            problems.Add(null, "id", "is missing; give the new indicator an id such as 'my-copd-admissions'");
        }
        else if (!id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
        {
            problems.Add(null, "id", $"'{id}' is not an indicator id: use letters, digits and '-', e.g. 'my-copd-admissions'");
        }
        else if (dataset.Indicators.Any(i => string.Equals(i.Definition.Id, id, StringComparison.OrdinalIgnoreCase)))
        {
            problems.Add(null, "id", $"'{id}' is already an indicator of this dataset; choose another id");
        }

        var typeText = string.IsNullOrWhiteSpace(o.ValueType) ? "crude-rate" : o.ValueType.Trim();
        if (!IndicatorTerms.TryParseValueType(typeText, out var type))
        {
            problems.Add(null, "valueType", $"'{o.ValueType}' is not a value type; use one of {IndicatorTerms.ValueTypeNames}");
        }

        if (o.Polarity is { } polarity && !IndicatorTerms.TryParsePolarity(polarity, out _))
        {
            problems.Add(null, "polarity", $"'{polarity}' is not a polarity; use one of {IndicatorTerms.PolarityNames}");
        }

        if (o.Multiplier is { } m && (!double.IsFinite(m) || m <= 0))
        {
            problems.Add(null, "multiplier", $"{m} is not a multiplier; use a positive number such as 100000, 100 or 1");
        }

        var level = string.IsNullOrWhiteSpace(o.AreaLevel) ? "neighbourhood" : o.AreaLevel.Trim().ToLowerInvariant();
        if (level is not ("neighbourhood" or "neighbourhood-2011" or "place"))
        {
            problems.Add(null, "areaLevel", $"'{o.AreaLevel}' is not an area level; use neighbourhood (LSOA 2021), neighbourhood-2011 (LSOA 2011) or place (district)");
        }
        else if (level == "neighbourhood-2011" && lookup is null)
        {
            problems.Add(null, "areaLevel", "this dataset names no LSOA 2011 to 2021 lookup, so 2011 codes cannot be mapped; give 2021 codes");
        }

        if (string.IsNullOrWhiteSpace(o.Area))
        {
            problems.Add(null, "area", "is missing; name the column of area codes");
        }

        if (string.IsNullOrWhiteSpace(o.Count))
        {
            problems.Add(null, "count", type == IndicatorValueType.Score ? "is missing; name the column of scores" : "is missing; name the column of counts");
        }

        if (IndicatorTerms.IsStandardised(type) && string.IsNullOrWhiteSpace(o.AgeBand))
        {
            problems.Add(null, "ageBand", $"is missing: a {IndicatorTerms.Name(type)} is standardised by age, so its counts must be by age band");
        }

        if (type == IndicatorValueType.Score && !string.IsNullOrWhiteSpace(o.AgeBand))
        {
            problems.Add(null, "ageBand", "a score has no age bands: it is averaged by population, not summed");
        }

        if (problems.Count > 0)
        {
            return null;
        }

        var score = type == IndicatorValueType.Score;
        return new IndicatorSpec
        {
            Id = id,
            Name = string.IsNullOrWhiteSpace(o.Name) ? id : o.Name.Trim(),
            ValueType = typeText,
            Multiplier = o.Multiplier ?? DefaultMultiplier(type),
            Polarity = o.Polarity ?? "no-judgement",
            Unit = o.Unit ?? "",
            Source = string.IsNullOrWhiteSpace(o.Source) ? $"uploaded file {Path.GetFileName(file)}" : o.Source.Trim(),
            File = new IndicatorFileSpec
            {
                Path = file,
                Format = "long",
                AreaLevel = level,
                Area = o.Area!.Trim(),
                Period = Blank(o.Period),
                FixedPeriod = Blank(o.Period) is null ? Blank(o.PeriodLabel) ?? IndicatorUploadOptions.DefaultPeriod : null,
                AgeBand = Blank(o.AgeBand),
                Numerator = score ? null : o.Count!.Trim(),
                Value = score ? o.Count!.Trim() : null,
                Denominator = Blank(o.Denominator),
                Lsoa11Lookup = level == "neighbourhood-2011" ? lookup : null,
            },
        };
    }

    /// <summary>The multiplier an analyst expects of a value type when none is given.</summary>
    public static double DefaultMultiplier(IndicatorValueType type) => type switch
    {
        IndicatorValueType.CrudeRate or IndicatorValueType.DirectlyStandardisedRate => 100_000,
        IndicatorValueType.Proportion or IndicatorValueType.IndirectlyStandardisedRatio => 100,
        _ => 1,
    };

    /// <summary>A spreadsheet or other binary file is refused by name before the CSV reader sees it.</summary>
    private static void CheckText(Func<Stream> content, IndicatorProblems problems)
    {
        using var stream = content();
        var head = new byte[SniffBytes];
        var read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        if (read == 0)
        {
            problems.Add(null, null, "the file is empty: a header row naming the columns was expected");
        }
        else if (read >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4)
        {
            problems.Add(null, null, "the file is a ZIP archive (an Excel .xlsx workbook?), not CSV text: save the sheet as CSV (comma-separated, UTF-8)");
        }
        else if (Array.IndexOf(head, (byte)0, 0, read) >= 0
            && !(read >= 2 && ((head[0] == 0xFF && head[1] == 0xFE) || (head[0] == 0xFE && head[1] == 0xFF))))
        {
            problems.Add(null, null, "the file is binary (it holds NUL bytes), not CSV text: save it as CSV (comma-separated, UTF-8)");
        }
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>The option named by a manifest field of the in-memory entry (<c>upload.file.numerator</c> → <c>count</c>).</summary>
    private static string? Option(string? field) => field?.Replace("upload.", "", StringComparison.Ordinal) switch
    {
        null => null,
        "file.area" => "area",
        "file.numerator" or "file.value" => "count",
        "file.denominator" => "denominator",
        "file.ageBand" => "ageBand",
        "file.period" => "period",
        "file.fixedPeriod" => "periodLabel",
        "file.areaLevel" => "areaLevel",
        var other => other,
    };
}
