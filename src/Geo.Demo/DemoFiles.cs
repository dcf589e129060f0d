using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using CsvHelper;
using Geo.Core.Indicators;
using Geo.Core.Sources;
using Geo.Data.Indicators;
using Geo.Data.Manifest;
using NetTopologySuite.Features;
using NetTopologySuite.IO.Converters;

namespace Geo.Demo;

/// <summary>
/// Writes the demo as the files people have, with the headers of the real ones (ONS lookups, Census
/// age bands, the IMD file's long headers and its ranks with thousands separators), and the manifest
/// that points the importers at them. UTF-8 without a byte order mark, LF line endings, invariant
/// culture: the bytes depend on the data alone. Stateless.
/// </summary>
internal static class DemoFiles
{
    public const string BoundaryFile = "neighbourhoods.geojson";
    public const string LookupFile = "lookup.csv";
    public const string IcpFile = "icps.csv";
    public const string PopulationFile = "population.csv";
    public const string DeprivationFile = "deprivation.csv";
    public const string ReadmeFile = "README.txt";

    private const string DeprivationScore = "Index of Multiple Deprivation (IMD) Score";
    private const string DeprivationRank = "Index of Multiple Deprivation (IMD) Rank (where 1 is most deprived)";
    private const string DeprivationDecile = "Index of Multiple Deprivation (IMD) Decile (where 1 is most deprived 10% of LSOAs)";

    private const string CopdArea = "lsoa_code";
    private const string CopdPeriod = "period";
    private const string CopdBand = "age_band";
    private const string CopdCount = "admissions";

    private const string RegistrationPractice = "OrganisationCode";
    private const string RegistrationPracticeName = "OrganisationName";
    private const string RegistrationArea = "LSOA21CD";
    private const string RegistrationPatients = "Patient";

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private static readonly CsvWriterOptions Csv = CsvWriterOptions.Default with
    {
        NewLine = "\n",
        FormatProvider = CultureInfo.InvariantCulture,
    };

    private static readonly JsonSerializerOptions ManifestJson = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
        IndentSize = 2,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Write(DemoData data, string directory)
    {
        Directory.CreateDirectory(directory);
        var source = data.Source;
        WriteBoundaries(source, Path.Combine(directory, BoundaryFile));
        WriteLookup(source, Path.Combine(directory, LookupFile));
        WriteIcps(source, Path.Combine(directory, IcpFile));
        WritePopulation(source, Path.Combine(directory, PopulationFile));
        WriteDeprivation(source, Path.Combine(directory, DeprivationFile));
        WriteCopd(data, Path.Combine(directory, DemoDataset.CopdFileName));
        WriteRegistrations(data, Path.Combine(directory, DemoDataset.RegistrationsFileName));
        File.WriteAllText(Path.Combine(directory, ReadmeFile), Readme(data), Utf8);

        var manifestPath = Path.Combine(directory, DemoDataset.ManifestFileName);
        File.WriteAllText(manifestPath, JsonSerializer.Serialize(Manifest(source), ManifestJson) + "\n", Utf8);
        return manifestPath;
    }

    /// <summary>The manifest column name of each band, in the Census's words.</summary>
    public static string BandColumn(AgeBand band) => band.To is { } to
        ? string.Create(CultureInfo.InvariantCulture, $"Aged {band.From} to {to} years")
        : string.Create(CultureInfo.InvariantCulture, $"Aged {band.From} years and over");

    private static DatasetManifest Manifest(DatasetSource source) => new()
    {
        Name = source.Name,
        Synthetic = true,
        BoundaryVintage = source.BoundaryVintage,
        CountryCode = source.CountryCode,
        CountryName = source.CountryName,
        Neighbourhoods = new BoundarySpec { Path = BoundaryFile, CodeField = "LSOA21CD", NameField = "LSOA21NM", Crs = "EPSG:27700" },
        Hierarchy = new HierarchySpec
        {
            Path = LookupFile,
            Neighbourhood = "LSOA21CD",
            NeighbourhoodName = "LSOA21NM",
            PlaceCode = "LAD24CD",
            PlaceName = "LAD24NM",
            SystemCode = "ICB24CD",
            SystemName = "ICB24NM",
        },
        Icps = new IcpSpec { Path = IcpFile, System = "ICB24CD", IcpCode = "ICP_CODE", IcpName = "ICP_NAME", Place = "LAD24CD" },
        Population = new PopulationSpec
        {
            Path = PopulationFile,
            Neighbourhood = "LSOA 2021 Code",
            Bands = source.AgeBands.Select(b => new BandColumn { Column = BandColumn(b), Band = b.ToString() }).ToArray(),
        },
        Deprivation = new DeprivationSpec
        {
            Path = DeprivationFile,
            Neighbourhood = "LSOA code (2021)",
            Decile = DeprivationDecile,
            Score = DeprivationScore,
        },
        Indicators = source.Indicators.Where(i => i.Definition.Id == DemoDataset.Copd.Id).Select(CopdEntry).ToArray(),
        Flows = source.Flows is { } flows
            ? new FlowSpec
            {
                Path = DemoDataset.RegistrationsFileName,
                Providers = flows.Providers,
                Counts = flows.Counts,
                AreaLevel = "neighbourhood",
                Provider = RegistrationPractice,
                ProviderName = RegistrationPracticeName,
                Area = RegistrationArea,
                Count = RegistrationPatients,
            }
            : null,
    };

    /// <summary>The manifest entry that reads <see cref="DemoDataset.CopdFileName"/> back into the same records.</summary>
    private static IndicatorSpec CopdEntry(IndicatorSource copd) => new()
    {
        Id = copd.Definition.Id,
        Name = copd.Definition.Name,
        ValueType = IndicatorTerms.Name(copd.Definition.ValueType),
        Multiplier = copd.Definition.Multiplier,
        Polarity = IndicatorTerms.Name(copd.Definition.Polarity),
        Unit = copd.Definition.Unit,
        Source = copd.Definition.Source,
        Pool = copd.PublicationPool,
        File = new IndicatorFileSpec
        {
            Path = DemoDataset.CopdFileName,
            Format = "long",
            AreaLevel = "neighbourhood",
            Area = CopdArea,
            Period = CopdPeriod,
            AgeBand = CopdBand,
            Numerator = CopdCount,
        },
    };

    /// <summary>
    /// GeoJSON as GDAL writes it: a FeatureCollection with the old-style "crs" member naming EPSG:27700,
    /// one feature a line. RFC 7946 wants WGS84, but boundary files in British National Grid are what
    /// people are given, and readers honour the member.
    /// </summary>
    private static void WriteBoundaries(DatasetSource source, string path)
    {
        var options = new JsonSerializerOptions();
        options.Converters.Add(new GeoJsonConverterFactory(DemoTessellation.Factory, false,
            GeoJsonConverterFactory.DefaultIdPropertyName, RingOrientationOption.EnforceRfc9746));

        using var stream = File.Create(path);
        using var text = new StreamWriter(stream, Utf8) { NewLine = "\n" };
        text.Write("{\n\"type\": \"FeatureCollection\",\n\"name\": \"demo_neighbourhoods\",\n");
        text.Write("\"crs\": { \"type\": \"name\", \"properties\": { \"name\": \"urn:ogc:def:crs:EPSG::27700\" } },\n");
        text.Write("\"features\": [\n");
        var buffer = new MemoryStream();
        for (var i = 0; i < source.Boundaries.Count; i++)
        {
            var b = source.Boundaries[i];
            var feature = new Feature(b.Boundary, new AttributesTable { { "LSOA21CD", b.Code }, { "LSOA21NM", b.Name } });
            buffer.SetLength(0);
            using (var json = new Utf8JsonWriter(buffer))
            {
                JsonSerializer.Serialize(json, feature, options);
            }

            text.Write(Utf8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
            text.Write(i + 1 < source.Boundaries.Count ? ",\n" : "\n");
        }

        text.Write("]\n}\n");
    }

    private static void WriteLookup(DatasetSource source, string path)
    {
        using var csv = CsvWriter.ToFile(path, Csv);
        csv.WriteHeader("LSOA21CD", "LSOA21NM", "LAD24CD", "LAD24NM", "ICB24CD", "ICB24NM");
        foreach (var r in source.Hierarchy)
        {
            csv.WriteRecord(r.Neighbourhood, r.NeighbourhoodName, r.PlaceCode, r.PlaceName, r.SystemCode, r.SystemName);
        }
    }

    private static void WriteIcps(DatasetSource source, string path)
    {
        var placeNames = source.Hierarchy.GroupBy(r => r.PlaceCode).ToDictionary(g => g.Key, g => g.First().PlaceName);
        using var csv = CsvWriter.ToFile(path, Csv);
        csv.WriteHeader("ICB24CD", "ICP_CODE", "ICP_NAME", "LAD24CD", "LAD24NM");
        foreach (var r in source.Icps)
        {
            csv.WriteRecord(r.SystemCode, r.IcpCode, r.IcpName, r.PlaceCode, placeNames[r.PlaceCode]);
        }
    }

    private static void WritePopulation(DatasetSource source, string path)
    {
        var names = source.Hierarchy.ToDictionary(r => r.Neighbourhood, r => r.NeighbourhoodName);
        using var csv = CsvWriter.ToFile(path, Csv);
        csv.WriteHeader(["LSOA 2021 Code", "LSOA 2021 Name", "Total", .. source.AgeBands.Select(BandColumn)]);
        foreach (var r in source.Population)
        {
            csv.WriteField(r.Neighbourhood);
            csv.WriteField(names[r.Neighbourhood]);
            csv.WriteField((long)r.Total, default);
            foreach (var count in r.Counts)
            {
                csv.WriteField((long)count, default);
            }

            csv.EndRecord();
        }
    }

    private static void WriteDeprivation(DatasetSource source, string path)
    {
        var names = source.Hierarchy.ToDictionary(r => r.Neighbourhood, r => r.NeighbourhoodName);
        var rank = source.Deprivation.OrderByDescending(r => r.Score).ThenBy(r => r.Neighbourhood, StringComparer.Ordinal)
            .Select((r, i) => (r.Neighbourhood, Rank: i + 1)).ToDictionary(x => x.Neighbourhood, x => x.Rank);
        using var csv = CsvWriter.ToFile(path, Csv);
        csv.WriteHeader("LSOA code (2021)", "LSOA name (2021)", DeprivationScore, DeprivationRank, DeprivationDecile);
        foreach (var r in source.Deprivation)
        {
            csv.WriteField(r.Neighbourhood);
            csv.WriteField(names[r.Neighbourhood]);
            csv.WriteField((r.Score ?? 0).ToString("0.000", CultureInfo.InvariantCulture));
            csv.WriteField(rank[r.Neighbourhood].ToString("#,0", CultureInfo.InvariantCulture));
            csv.WriteField((long)r.Decile, default);
            csv.EndRecord();
        }
    }

    private static void WriteCopd(DemoData data, string path)
    {
        using var csv = CsvWriter.ToFile(path, Csv);
        csv.WriteHeader(CopdArea, CopdPeriod, CopdBand, CopdCount);
        foreach (var r in data.CopdAdmissions)
        {
            csv.WriteField(r.Neighbourhood);
            csv.WriteField(r.Period);
            csv.WriteField(r.Band.ToString());
            csv.WriteField((long)r.Count, default);
            csv.EndRecord();
        }
    }

    private static void WriteRegistrations(DemoData data, string path)
    {
        using var csv = CsvWriter.ToFile(path, Csv);
        csv.WriteHeader(RegistrationPractice, RegistrationPracticeName, RegistrationArea, RegistrationPatients);
        foreach (var r in data.Registrations)
        {
            csv.WriteField(r.Practice);
            csv.WriteField(r.PracticeName);
            csv.WriteField(r.Neighbourhood);
            csv.WriteField((long)r.Patients, default);
            csv.EndRecord();
        }
    }

    private static string Readme(DemoData data)
    {
        var s = data.Source;
        var places = s.Hierarchy.Select(r => r.PlaceCode).Distinct().Count();
        var systems = s.Hierarchy.Select(r => r.SystemCode).Distinct().Count();
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"""
            {s.Name}
            ====================================================================

            SYNTHETIC DATA. Every place, code, name and figure in this folder is made up
            by Geo's demo generator (seed {data.Seed}). None of it describes real people or places.
            Codes start with X so they cannot be mistaken for ONS codes.

            {s.Boundaries.Count:N0} neighbourhoods in {places} places and {systems} systems, one place cut
            between two systems, one system with area ICPs.

            Files
            -----
            {DemoDataset.ManifestFileName}  the dataset manifest: pass it to Geo with --dataset to load these files.
            {BoundaryFile}  neighbourhood polygons, GeoJSON in British National Grid
                (EPSG:27700, named in the "crs" member), fields LSOA21CD and LSOA21NM.
            {LookupFile}  neighbourhood to place (LAD24CD) to system (ICB24CD).
            {IcpFile}  the places of the system that has area ICPs, and their ICP.
            {PopulationFile}  residents by the 19 age bands of the 2013 European
                Standard Population (0-4 ... 85-89, 90+).
            {DeprivationFile}  deprivation score, rank and decile (1 = most deprived),
                ranked within the demo.
            {DemoDataset.CopdFileName}  {data.Copd.Name}:
                one row per neighbourhood, financial year ({string.Join(", ", data.Copd.Periods)}) and age
                band: lsoa_code, period, age_band, admissions (zeros included). In the manifest as
                indicator {data.Copd.Id}: a directly age-standardised rate per 100,000 whose
                denominator is {PopulationFile}.
            {DemoDataset.RegistrationsFileName}  patients of each neighbourhood registered at each of
                {data.Registrations.Select(r => r.Practice).Distinct().Count()} fictional GP practices (codes X81001 ...), by distance decay from
                the practices: OrganisationCode, OrganisationName, LSOA21CD, Patient. In the manifest
                as the flow table that catchments are built from.

            All files are UTF-8 without a byte order mark, with LF line endings.

            """);
        return text.ToString().Replace("\r\n", "\n", StringComparison.Ordinal);
    }
}
