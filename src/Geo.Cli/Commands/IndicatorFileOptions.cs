using System.CommandLine;
using Geo.Data.Upload;
using Geo.Model;
using Geo.Query;

namespace Geo.Cli.Commands;

/// <summary>
/// <c>--indicator-file</c> and its column options on serve, export, hotspots and bivariate: a person's own CSV added to the dataset
/// as a new indicator, read exactly as <c>POST /api/indicators</c> reads it (<see cref="IndicatorUpload"/>), so nobody
/// has to write a manifest entry to try a file. The new indicator's id is the file's name without <c>.csv</c> unless
/// <c>--indicator-id</c> says otherwise.
/// </summary>
internal sealed class IndicatorFileOptions
{
    private readonly Option<FileInfo?> _file = new("--indicator-file")
    {
        Description = "Your own indicator CSV (area code and count columns, optionally denominator, age band, period), added as a "
            + "new indicator; see docs/data.md, \"Your own data\".",
    };

    private readonly Option<string?> _id = new("--indicator-id") { Description = "Id of the --indicator-file indicator (default: the file's name without .csv)." };
    private readonly Option<string?> _name = new("--indicator-name") { Description = "Name of the --indicator-file indicator (default: its id)." };
    private readonly Option<string?> _valueType = new("--value-type") { Description = "crude-rate (default), proportion, dsr, isr or score." };
    private readonly Option<double?> _multiplier = new("--multiplier") { Description = "Default: 100000 for crude-rate and dsr, 100 for proportion and isr, 1 for score." };
    private readonly Option<string?> _polarity = new("--polarity") { Description = "higher-is-worse, higher-is-better or no-judgement (default)." };
    private readonly Option<string?> _areaLevel = new("--area-level") { Description = "neighbourhood (LSOA 2021, default), neighbourhood-2011 or place (district)." };
    private readonly Option<string?> _area = new("--area-column") { Description = "Column of area codes." };
    private readonly Option<string?> _count = new("--count-column") { Description = "Column of counts (of scores, for a score)." };
    private readonly Option<string?> _denominator = new("--denominator-column") { Description = "Column of denominators (default: the dataset's population)." };
    private readonly Option<string?> _ageBand = new("--age-band-column") { Description = "Column of age bands (0-4 ... 90+); needed for dsr and isr." };
    private readonly Option<string?> _period = new("--period-column") { Description = "Column of periods." };
    private readonly Option<string?> _periodLabel = new("--period-label") { Description = "Without a period column: the period of every row (default 'all')." };

    /// <summary>Adds the options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { _file, _id, _name, _valueType, _multiplier, _polarity, _areaLevel, _area, _count, _denominator, _ageBand, _period, _periodLabel })
        {
            command.Options.Add(option);
        }
    }

    /// <summary>The file given, or null.</summary>
    public FileInfo? File(ParseResult result) => result.GetValue(_file);

    /// <summary>What the options say about the file.</summary>
    public IndicatorUploadOptions Options(ParseResult result) => new()
    {
        Id = result.GetValue(_id) ?? (File(result) is { } file ? Path.GetFileNameWithoutExtension(file.Name) : null),
        Name = result.GetValue(_name),
        ValueType = result.GetValue(_valueType),
        Multiplier = result.GetValue(_multiplier),
        Polarity = result.GetValue(_polarity),
        AreaLevel = result.GetValue(_areaLevel),
        Area = result.GetValue(_area),
        Count = result.GetValue(_count),
        Denominator = result.GetValue(_denominator),
        AgeBand = result.GetValue(_ageBand),
        Period = result.GetValue(_period),
        PeriodLabel = result.GetValue(_periodLabel),
    };

    /// <summary>The dataset the command names (a manifest, a database or the demo) with the file's indicator added: what
    /// export, hotspots and bivariate ask their questions of.</summary>
    public DatasetQueries Open(ParseResult result, Option<FileInfo?> dataset, Option<DirectoryInfo?> dataRoot, Option<string?> connection,
        ConsoleProgress progress)
    {
        var manifest = result.GetValue(dataset);
        var root = result.GetValue(dataRoot);
        return new DatasetQueries(AddTo(CommonOptions.Load(manifest, root, result.GetValue(connection), progress), result, manifest, root, progress));
    }

    /// <summary><paramref name="dataset"/> with the file's indicator when one is given, else the dataset itself.</summary>
    /// <exception cref="IndicatorUploadException">The file or the options have problems (each listed by line and field).</exception>
    private Dataset AddTo(Dataset dataset, ParseResult result, FileInfo? manifest, DirectoryInfo? dataRoot, ConsoleProgress progress)
    {
        if (File(result) is not { } file)
        {
            return dataset;
        }

        progress.Report($"reading your indicator {file.FullName}");
        var source = IndicatorUpload.ReadFile(file.FullName, Options(result), dataset,
            IndicatorUpload.FindLsoa11Lookup(manifest?.FullName, dataRoot?.FullName));
        progress.Report($"added indicator {source.Definition.Id}: {source.Records.Count:N0} records, periods {string.Join(", ", source.Periods)}");
        return dataset.WithIndicator(source);
    }
}
