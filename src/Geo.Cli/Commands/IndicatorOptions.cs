using System.CommandLine;
using Geo.Data.Export;
using Geo.Query;
using Geo.Query.Vocabulary;

namespace Geo.Cli.Commands;

/// <summary>Options and output shared by the indicator commands (export, hotspots).</summary>
internal static class IndicatorOptions
{
    public static Option<string> Indicator() => new("--indicator") { Description = "Indicator id (see geo check).", Required = true };

    public static Option<string?> Period() => new("--period") { Description = "Time period (default: the latest)." };

    public static Option<int?> Pool() => new("--pool") { Description = PoolWords.Help + "." };

    public static Option<string> Format()
    {
        var format = new Option<string>("--format")
        {
            Description = "csv, geojson (WGS84) or gpkg (GeoPackage, British National Grid EPSG:27700; needs --out).",
            DefaultValueFactory = _ => "csv",
        };
        format.AcceptOnlyFromAmong("csv", "geojson", "gpkg");
        return format;
    }

    public static Option<FileInfo?> Output() => new("--out")
    {
        Description = "File to write (CSV gets a .metadata.json beside it). Without it, CSV goes to standard output and the metadata to standard error.",
    };

    /// <summary>The arguments to record in an export, with the password of a connection string left out.</summary>
    public static IEnumerable<string> WithoutSecrets(IEnumerable<string> args)
    {
        var connection = false;
        foreach (var arg in args)
        {
            if (connection)
            {
                var parsed = new Npgsql.NpgsqlConnectionStringBuilder(arg);
                parsed.Remove("Password");
                yield return $"\"{parsed.ConnectionString}\"";
            }
            else
            {
                yield return arg;
            }

            connection = arg == "--connection";
        }
    }

    /// <summary>Writes the answer as CSV (with its metadata beside it) or GeoJSON, to <paramref name="output"/> or standard output.</summary>
    public static void Write(RowSelection answer, string format, FileInfo? output, string[] args)
    {
        var d = answer.Indicator.Definition;
        var boundaries = answer.Boundaries ?? answer.Indicator.Dataset.Boundaries;
        var metadata = ExportMetadata.For(answer.Indicator.Dataset, answer.Indicator.View, answer.Selection,
            "geo " + string.Join(' ', WithoutSecrets(args.Skip(1))), DatasetQueries.QualityOf(answer));

        var geojson = format == "geojson";
        if (format == "gpkg")
        {
            var file = output ?? throw new ArgumentException("--format gpkg writes a GeoPackage file: give it with --out, e.g. --out copd.gpkg.");
            GeoPackageExporter.WriteFile(file.FullName, answer.Rows, d, boundaries, metadata);
            return;
        }

        if (output is null)
        {
            using var stdout = Console.OpenStandardOutput();
            if (geojson)
            {
                IndicatorExporter.WriteGeoJson(stdout, answer.Rows, d, boundaries, metadata);
            }
            else
            {
                using var writer = new StreamWriter(stdout);
                IndicatorExporter.WriteCsv(writer, answer.Rows, d);
                Console.Error.WriteLine($"# {d.Name}, {answer.Indicator.Period}: {answer.Indicator.View.Method} {answer.Indicator.View.SuppressionRule}");
            }

            return;
        }

        if (geojson)
        {
            IndicatorExporter.WriteGeoJsonFile(output.FullName, answer.Rows, d, boundaries, metadata);
        }
        else
        {
            IndicatorExporter.WriteCsvFile(output.FullName, answer.Rows, d, metadata);
        }
    }
}
