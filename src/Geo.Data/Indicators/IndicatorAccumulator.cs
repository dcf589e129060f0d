using Geo.Core.Sources;
using Geo.Data.Import;

namespace Geo.Data.Indicators;

/// <summary>
/// Collects an indicator file's rows into one slot per area × period × age band, summing sexes, and
/// refuses a repeated row (the same area, period, band and sex twice), naming both lines. Periods and
/// bands are interned as they appear; <see cref="Finish"/> orders them. Not thread-safe.
/// </summary>
internal sealed class IndicatorAccumulator
{
    private readonly Dictionary<string, int> _periodIndex = new(StringComparer.Ordinal);
    private readonly List<string> _periods = [];
    private readonly List<string> _orderedPeriods = [];
    private readonly Dictionary<AgeBand, int> _bandIndex = [];
    private readonly List<(AgeBand Band, long Line)> _bands = [];
    private readonly Dictionary<(string Area, int Period, int Band), IndicatorSlot> _slotIndex = [];
    private readonly List<IndicatorSlot> _slots = [];
    private readonly Dictionary<string, int> _sexIndex = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<(IndicatorSlot Slot, int Sex), long> _sexRows = [];
    private string? _bandColumn;
    private string? _file;

    /// <summary>Rows added (before summing sexes).</summary>
    public int Rows { get; private set; }

    /// <summary>The periods in display order once <see cref="Finish"/> has run.</summary>
    public IReadOnlyList<string> Periods => _orderedPeriods;

    /// <summary>The age bands present, youngest first, once <see cref="Finish"/> has run.</summary>
    public IReadOnlyList<AgeBand> Bands => _bands.Select(b => b.Band).ToArray();

    /// <summary>The slots in the order of their first row.</summary>
    public IReadOnlyList<IndicatorSlot> Slots => _slots;

    public void Add(CsvTable table, CsvColumn areaColumn, string area, string period, AgeBand? band, string? bandColumn, string? sex, double numerator, double? denominator)
    {
        _file ??= table.Path;
        Rows++;
        if (!_periodIndex.TryGetValue(period, out var p))
        {
            p = _periods.Count;
            _periodIndex.Add(period, p);
            _periods.Add(period);
        }

        var b = -1;
        if (band is { } ageBand && !_bandIndex.TryGetValue(ageBand, out b))
        {
            b = _bands.Count;
            _bandIndex.Add(ageBand, b);
            _bands.Add((ageBand, table.Line));
            _bandColumn ??= bandColumn;
        }

        if (!_slotIndex.TryGetValue((area, p, b), out var slot))
        {
            slot = new IndicatorSlot(area, p, b, table.Line);
            _slotIndex.Add((area, p, b), slot);
            _slots.Add(slot);
        }
        else if (sex is null)
        {
            throw Repeated(table, areaColumn, area, period, band, null, slot.Line);
        }

        if (sex is not null)
        {
            if (!_sexIndex.TryGetValue(sex, out var s))
            {
                s = _sexIndex.Count;
                _sexIndex.Add(sex, s);
            }

            if (!_sexRows.TryAdd((slot, s), table.Line))
            {
                throw Repeated(table, areaColumn, area, period, band, sex, _sexRows[(slot, s)]);
            }
        }

        slot.Numerator += numerator;
        slot.Denominator += denominator ?? 0;
    }

    /// <summary>
    /// Orders the periods (by <paramref name="sortKeys"/> where given, else <see cref="PeriodOrder"/>) and the
    /// bands (youngest first), renumbering the slots' bands. Bands must not overlap; for a standardised
    /// indicator they must also run without gaps from <paramref name="firstAge"/> to an open top band.
    /// </summary>
    public void Finish(IReadOnlyDictionary<string, double>? sortKeys, bool standardised, int? firstAge)
    {
        _orderedPeriods.Clear();
        _orderedPeriods.AddRange(_periods);
        if (sortKeys is not null)
        {
            _orderedPeriods.Sort((x, y) =>
            {
                var byKey = sortKeys.GetValueOrDefault(x, double.MaxValue).CompareTo(sortKeys.GetValueOrDefault(y, double.MaxValue));
                return byKey != 0 ? byKey : PeriodOrder.Instance.Compare(x, y);
            });
        }
        else
        {
            _orderedPeriods.Sort(PeriodOrder.Instance);
        }

        var order = _bands.Select((b, i) => (b.Band, b.Line, Old: i)).OrderBy(b => b.Band.From).ThenBy(b => b.Band.To ?? int.MaxValue).ToArray();
        for (var i = 1; i < order.Length; i++)
        {
            var (previous, current) = (order[i - 1], order[i]);
            if (previous.Band.To is not { } to || current.Band.From <= to)
            {
                throw new GeoDataException(_file!, current.Line, _bandColumn,
                    $"age band '{current.Band}' overlaps '{previous.Band}' (first at line {previous.Line}); bands must not overlap, or rows would be counted twice");
            }

            if (standardised && current.Band.From != to + 1)
            {
                throw new GeoDataException(_file!, current.Line, _bandColumn,
                    $"age band '{current.Band}' does not follow '{previous.Band}' (line {previous.Line}): a standardised indicator needs bands without gaps; give zero counts for bands without events");
            }
        }

        if (standardised && order.Length > 0)
        {
            if (firstAge is { } first && order[0].Band.From != first)
            {
                throw new GeoDataException(_file!, order[0].Line, _bandColumn,
                    $"the youngest age band is '{order[0].Band}', but the dataset's population starts at age {first}: give the younger bands too, with zero counts");
            }

            if (order[^1].Band.To is not null)
            {
                throw new GeoDataException(_file!, order[^1].Line, _bandColumn,
                    $"the oldest age band '{order[^1].Band}' is closed; a standardised indicator needs an open top band such as '85+' or '90+'");
            }
        }

        var renumber = new int[order.Length];
        for (var i = 0; i < order.Length; i++)
        {
            renumber[order[i].Old] = i;
        }

        foreach (var slot in _slots)
        {
            if (slot.Band >= 0)
            {
                slot.Band = renumber[slot.Band];
            }
        }

        _bands.Clear();
        _bands.AddRange(order.Select(o => (o.Band, o.Line)));
    }

    /// <summary>The text of a slot's period.</summary>
    public string PeriodOf(IndicatorSlot slot) => _periods[slot.Period];

    /// <summary>The text of a period index as held by a slot.</summary>
    public string PeriodAt(int index) => _periods[index];

    private static GeoDataException Repeated(CsvTable table, CsvColumn areaColumn, string area, string period, AgeBand? band, string? sex, long first)
    {
        var what = $"period '{period}'" + (band is { } b ? $", age band '{b}'" : "") + (sex is null ? "" : $", sex '{sex}'");
        return table.Error(areaColumn, $"'{area}' has a second row for {what}: also at line {first}; each area has one row per period{(band is null ? "" : ", band")}{(sex is null ? "" : " and sex")}");
    }
}
