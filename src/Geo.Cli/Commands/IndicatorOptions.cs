using System.CommandLine;
using Geo.Core.Indicators;
using Geo.Model;
using Geo.Data.Export;

namespace Geo.Cli.Commands;

/// <summary>Options and output shared by the indicator commands (export, hotspots).</summary>
internal static class IndicatorOptions
{
    public static Option<string> Indicator() => new("--indicator") { Description = "Indicator id (see geo check).", Required = true };

    public static Option<string?> Period() => new("--period") { Description = "Time period (default: the latest)." };

    public static Option<string> Format()
    {
        var format = new Option<string>("--format") { Description = "csv or geojson.", DefaultValueFactory = _ => "csv" };
        format.AcceptOnlyFromAmong("csv", "geojson");
        return format;
    }

    public static Option<FileInfo?> Output() => new("--out")
    {
        Description = "File to write (CSV gets a .metadata.json beside it). Without it, CSV goes to standard output and the metadata to standard error.",
    };

    public static (IndicatorEngine Engine, IndicatorView View) Publish(Dataset dataset, string indicatorId, string? period)
    {
        IndicatorEngine engine;
        try
        {
            engine = dataset.Indicator(indicatorId);
        }
        catch (KeyNotFoundException e)
        {
            throw new ArgumentException(e.Message, e);
        }

        return (engine, engine.Publish(period ?? engine.LatestPeriod));
    }

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

    /// <param name="boundaries">The rows' boundaries (British National Grid) for GeoJSON; the dataset's areas' when null.</param>
    public static void Write(Dataset dataset, IndicatorEngine engine, IndicatorView view, IReadOnlyList<IndicatorRow> rows,
        string selection, string format, FileInfo? output, string[] args, IReadOnlyDictionary<string, NetTopologySuite.Geometries.Geometry>? boundaries = null)
    {
        boundaries ??= dataset.Boundaries;
        var d = engine.Definition;
        var metadata = ExportMetadata.For(dataset, view, selection, "geo " + string.Join(' ', WithoutSecrets(args.Skip(1))));

        var geojson = format == "geojson";
        if (output is null)
        {
            using var stdout = Console.OpenStandardOutput();
            if (geojson)
            {
                IndicatorExporter.WriteGeoJson(stdout, rows, d, boundaries, metadata);
            }
            else
            {
                using var writer = new StreamWriter(stdout);
                IndicatorExporter.WriteCsv(writer, rows, d);
                Console.Error.WriteLine($"# {d.Name}, {view.Period}: {view.Method} {view.SuppressionRule}");
            }

            return;
        }

        if (geojson)
        {
            IndicatorExporter.WriteGeoJsonFile(output.FullName, rows, d, boundaries, metadata);
        }
        else
        {
            IndicatorExporter.WriteCsvFile(output.FullName, rows, d, metadata);
        }
    }
}
