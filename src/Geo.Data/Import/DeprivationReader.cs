using Geo.Core.Sources;
using Geo.Data.Manifest;

namespace Geo.Data.Import;

/// <summary>
/// Reads a deprivation CSV (English Indices of Deprivation): each neighbourhood's national decile,
/// 1 = most deprived, and optionally its score. Stateless and thread-safe.
/// </summary>
public static class DeprivationReader
{
    /// <summary>Reads and checks the whole file; nothing is returned unless all of it is good.</summary>
    /// <exception cref="GeoDataException">A column is missing, a decile is not 1 to 10, a score is not a number, or a neighbourhood repeats.</exception>
    public static IReadOnlyList<DeprivationRecord> Read(string path, DeprivationSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        using var table = CsvTable.Open(path);
        var neighbourhood = table.Column(spec.Neighbourhood);
        var decile = table.Column(spec.Decile);
        CsvColumn? score = spec.Score is null ? null : table.Column(spec.Score);

        var seen = new UniqueKeys("line", (_, problem) => table.Error(neighbourhood, problem));
        var records = new List<DeprivationRecord>();
        while (table.Read())
        {
            var code = table.GetText(neighbourhood);
            seen.Add(code, table.Line);
            var value = table.GetInt32(decile);
            if (value is < 1 or > 10)
            {
                throw table.Error(decile, $"'{table.GetRaw(decile)}' is not a decile from 1 (most deprived) to 10");
            }

            records.Add(new DeprivationRecord(code, value, score is { } s ? table.GetOptionalDouble(s) : null, table.Line));
        }

        return records.Count > 0 ? records : throw table.Error(null, "the file has a header but no rows");
    }
}
