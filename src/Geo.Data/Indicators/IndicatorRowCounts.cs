using System.Globalization;

namespace Geo.Data.Indicators;

/// <summary>Tallies of the rows an indicator file's reader read and left out, for the import notes. Not thread-safe.</summary>
internal sealed class IndicatorRowCounts
{
    private const int Examples = 5;

    private readonly List<string> _blankExamples = [];

    public int Read { get; set; }

    public int Filtered { get; set; }

    public string? FilterText { get; set; }

    public int OtherIndicators { get; set; }

    public int SubGroups { get; set; }

    public int OtherSexes { get; set; }

    public int OtherAges { get; set; }

    public int NoData { get; set; }

    public int Blank { get; private set; }

    public string? BlankColumn { get; set; }

    public void AddBlank(string area)
    {
        Blank++;
        if (_blankExamples.Count < Examples)
        {
            _blankExamples.Add(area);
        }
    }

    /// <summary>The notes: rows read, each kind left out, and the slots made of the rest.</summary>
    public List<string> Describe(string file, IndicatorAccumulator accumulator, bool bySex)
    {
        var notes = new List<string>
        {
            Invariant($"{Read:N0} rows read from {file}; {accumulator.Rows:N0} used, giving {accumulator.Slots.Count:N0} figures by area, period{(accumulator.Bands.Count > 0 ? " and age band" : "")}{(bySex ? " (sexes summed)" : "")}."),
        };

        void Skipped(int count, string why)
        {
            if (count > 0)
            {
                notes.Add(Invariant($"{count:N0} rows skipped: {why}."));
            }
        }

        Skipped(Filtered, $"filtered out ({FilterText})");
        Skipped(OtherIndicators, "for other indicators of the file");
        Skipped(SubGroups, "sub-group breakdowns (Category Type not empty)");
        Skipped(OtherSexes, "for other sexes");
        Skipped(OtherAges, "for other ages");
        Skipped(NoData, "no figure (Count and Value empty)");
        Skipped(Blank, $"'{BlankColumn}' empty, e.g. for {string.Join(", ", _blankExamples)} (file.blankNumerator is skip)");
        return notes;
    }

    public static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
