using Geo.Core.Sources;
using Geo.Data.Manifest;

namespace Geo.Data.Import;

/// <summary>
/// Reads a population CSV with one column per age band (such as Census 2021 TS007a: "Aged 4 years and
/// under" … "Aged 85 years and over"), the bands named by the manifest. Stateless and thread-safe.
/// </summary>
public static class PopulationReader
{
    /// <summary>Reads and checks the whole file; nothing is returned unless all of it is good.</summary>
    /// <returns>The bands in manifest order, and per neighbourhood one count per band in the same order.</returns>
    /// <exception cref="GeoDataException">
    /// A band in the manifest is not an age band or overlaps another, a column is missing, a count is not a
    /// number or is negative, or a neighbourhood repeats.
    /// </exception>
    public static (IReadOnlyList<AgeBand> Bands, IReadOnlyList<PopulationRecord> Records) Read(string path, PopulationSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var bands = ParseBands(path, spec.Bands);

        using var table = CsvTable.Open(path);
        var neighbourhood = table.Column(spec.Neighbourhood);
        var columns = spec.Bands.Select(b => table.Column(b.Column)).ToArray();
        var used = new UniqueKeys("band", (i, problem) => new GeoDataException(path, null, $"bands[{i - 1}].column", problem));
        for (var i = 0; i < columns.Length; i++)
        {
            used.Add(columns[i].Name, i + 1);
        }

        var seen = new UniqueKeys("line", (_, problem) => table.Error(neighbourhood, problem));
        var records = new List<PopulationRecord>();
        while (table.Read())
        {
            var code = table.GetText(neighbourhood);
            seen.Add(code, table.Line);
            var counts = new double[columns.Length];
            for (var i = 0; i < columns.Length; i++)
            {
                counts[i] = table.GetDouble(columns[i]);
                if (counts[i] < 0)
                {
                    throw table.Error(columns[i], $"'{table.GetRaw(columns[i])}' is negative; a population count is 0 or more");
                }
            }

            records.Add(new PopulationRecord(code, counts, table.Line));
        }

        return records.Count > 0 ? (bands, records) : throw table.Error(null, "the file has a header but no rows");
    }

    /// <summary>The manifest's bands, which must ascend without overlapping; only the last may be open (85+).</summary>
    private static AgeBand[] ParseBands(string path, IReadOnlyList<BandColumn> specs)
    {
        if (specs.Count == 0)
        {
            throw new GeoDataException(path, null, "bands", "the manifest names no age band columns");
        }

        var bands = new AgeBand[specs.Count];
        for (var i = 0; i < specs.Count; i++)
        {
            var field = $"bands[{i}].band";
            if (!AgeBand.TryParse(specs[i].Band, out bands[i]))
            {
                throw new GeoDataException(path, null, field, $"'{specs[i].Band}' in the manifest is not an age band such as '0-4' or '85+'");
            }

            if (i > 0 && (bands[i - 1].To is not { } previousTo || bands[i].From <= previousTo))
            {
                throw new GeoDataException(
                    path,
                    null,
                    field,
                    $"band '{bands[i]}' in the manifest does not follow '{bands[i - 1]}': bands must ascend without overlapping, and only the last may be open");
            }
        }

        return bands;
    }
}
