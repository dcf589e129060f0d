using Geo.Core.Sources;
using Geo.Data.Manifest;

namespace Geo.Data.Import;

/// <summary>
/// Reads the neighbourhood to place (district) to system (ICB) lookup CSV, such as ONS's
/// LSOA21CD, LSOA21NM, …, LAD24CD, ICB24CD file. Each neighbourhood appears once. Stateless and thread-safe.
/// </summary>
public static class HierarchyReader
{
    /// <summary>Reads and checks the whole file; nothing is returned unless all of it is good.</summary>
    /// <exception cref="GeoDataException">A column is missing, a required value is empty, or a neighbourhood repeats.</exception>
    public static IReadOnlyList<HierarchyRecord> Read(string path, HierarchySpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        using var table = CsvTable.Open(path);
        var neighbourhood = table.Column(spec.Neighbourhood);
        CsvColumn? neighbourhoodName = spec.NeighbourhoodName is null ? null : table.Column(spec.NeighbourhoodName);
        var placeCode = table.Column(spec.PlaceCode);
        var placeName = table.Column(spec.PlaceName);
        var systemCode = table.Column(spec.SystemCode);
        var systemName = table.Column(spec.SystemName);

        var seen = new UniqueKeys("line", (_, problem) => table.Error(neighbourhood, problem));
        var records = new List<HierarchyRecord>();
        while (table.Read())
        {
            var code = table.GetText(neighbourhood);
            seen.Add(code, table.Line);
            records.Add(new HierarchyRecord(
                code,
                neighbourhoodName is { } n ? table.GetOptionalText(n) : null,
                table.GetText(placeCode),
                table.GetText(placeName),
                table.GetText(systemCode),
                table.GetText(systemName),
                table.Line));
        }

        return records.Count > 0 ? records : throw table.Error(null, "the file has a header but no rows");
    }
}
