using Geo.Core.Sources;
using Geo.Data.Manifest;

namespace Geo.Data.Import;

/// <summary>
/// Reads the optional ICP CSV: one row per place (district) of a system that has area ICPs, saying which
/// ICP it belongs to. A place appears once per system. Stateless and thread-safe.
/// </summary>
public static class IcpReader
{
    /// <summary>Reads and checks the whole file; nothing is returned unless all of it is good.</summary>
    /// <exception cref="GeoDataException">A column is missing, a value is empty, or a place repeats within a system.</exception>
    public static IReadOnlyList<IcpRecord> Read(string path, IcpSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        using var table = CsvTable.Open(path);
        var system = table.Column(spec.System);
        var icpCode = table.Column(spec.IcpCode);
        var icpName = table.Column(spec.IcpName);
        var place = table.Column(spec.Place);

        var seen = new UniqueKeys("line", (_, problem) => table.Error(place, problem));
        var records = new List<IcpRecord>();
        while (table.Read())
        {
            var record = new IcpRecord(
                table.GetText(system),
                table.GetText(icpCode),
                table.GetText(icpName),
                table.GetText(place),
                table.Line);
            seen.Add($"{record.PlaceCode} in {record.SystemCode}", table.Line);
            records.Add(record);
        }

        return records.Count > 0 ? records : throw table.Error(null, "the file has a header but no rows");
    }
}
