using Geo.Core.Reports;
using Geo.Core.Sources;

namespace Geo.Core.Geography;

/// <summary>
/// Builds the system → ICP → place → neighbourhood hierarchy from the lookup and the ICP file alone,
/// never from geometry. A district whose neighbourhoods fall in more than one system becomes one
/// partial place per system, coded <c>{district}-{system}</c>.
/// </summary>
public static class HierarchyBuilder
{
    /// <summary>Suffix of the code of the ICP made for a system that has no ICP file rows.</summary>
    public const string WholeSystemIcpSuffix = "-ICP";

    /// <summary>The code of the partial place holding the part of <paramref name="district"/> inside
    /// <paramref name="system"/>: <c>{district}-{system}</c>. Importers that key data by district use it to
    /// find the parts.</summary>
    public static string PartialPlaceCode(string district, string system) => $"{district}-{system}";

    public static Geography Build(DatasetSource source, DatasetReport report)
    {
        var rows = CheckNeighbourhoodsUnique(source);

        var systems = rows.GroupBy(r => r.SystemCode, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First().SystemName, StringComparer.OrdinalIgnoreCase);
        var systemsOfDistrict = rows.GroupBy(r => r.PlaceCode, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.Select(r => r.SystemCode).Distinct(StringComparer.OrdinalIgnoreCase).Count(),
                StringComparer.OrdinalIgnoreCase);

        var areas = new List<Area>();
        var placeCode = new Dictionary<(string District, string System), string>(DistrictSystemComparer.Instance);
        var placesBySystem = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);

        foreach (var place in rows.GroupBy(r => (r.PlaceCode, r.SystemCode), DistrictSystemComparer.Instance)
                     .OrderBy(g => g.Key.Item1, StringComparer.Ordinal).ThenBy(g => g.Key.Item2, StringComparer.Ordinal))
        {
            var (district, system) = place.Key;
            var first = place.First();
            var partial = systemsOfDistrict[district] > 1;
            var code = partial ? PartialPlaceCode(district, system) : district;
            var name = partial ? $"{first.PlaceName} (part in {ShortSystemName(systems[system])})" : first.PlaceName;
            placeCode[(district, system)] = code;
            (placesBySystem.TryGetValue(system, out var list) ? list : placesBySystem[system] = []).Add(code);

            var children = place.Select(r => r.Neighbourhood).OrderBy(c => c, StringComparer.Ordinal).ToArray();
            foreach (var n in place)
            {
                areas.Add(new Area(n.Neighbourhood, n.NeighbourhoodName ?? n.Neighbourhood, Level.Neighbourhood, code, []));
            }

            // The place's parent (its ICP) is filled in below, once ICPs are known.
            areas.Add(new Area(code, name, Level.Place, parentCode: null, children, partial, district));
        }

        var icpOfPlace = AssignIcps(source, systems, placeCode, placesBySystem, report, out var icps);

        var result = new List<Area>(areas.Count + icps.Count + systems.Count);
        foreach (var area in areas)
        {
            result.Add(area.Level == Level.Place
                ? new Area(area.Code, area.Name, Level.Place, icpOfPlace[area.Code], area.ChildCodes, area.IsPartial, area.DistrictCode)
                : area);
        }

        foreach (var icp in icps)
        {
            result.Add(icp);
        }

        foreach (var (code, name) in systems.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            var children = icps.Where(i => string.Equals(i.ParentCode, code, StringComparison.OrdinalIgnoreCase))
                .Select(i => i.Code).ToArray();
            result.Add(new Area(code, name, Level.System, source.CountryCode, children));
        }

        var root = new Area(source.CountryCode, source.CountryName, Level.Country, null,
            systems.Keys.OrderBy(c => c, StringComparer.Ordinal).ToArray());
        return new Geography(root, result);
    }

    /// <summary>"NHS North East and North Cumbria Integrated Care Board" → "North East and North Cumbria".</summary>
    public static string ShortSystemName(string name)
    {
        var s = name.Trim();
        if (s.StartsWith("NHS ", StringComparison.Ordinal))
        {
            s = s[4..];
        }

        foreach (var suffix in new[] { " Integrated Care Board", " ICB", " Integrated Care System", " ICS" })
        {
            if (s.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                s = s[..^suffix.Length];
                break;
            }
        }

        return s;
    }

    private static List<HierarchyRecord> CheckNeighbourhoodsUnique(DatasetSource source)
    {
        var seen = new Dictionary<string, HierarchyRecord>(StringComparer.OrdinalIgnoreCase);
        var rows = new List<HierarchyRecord>(source.Hierarchy.Count);
        foreach (var row in source.Hierarchy)
        {
            if (seen.TryGetValue(row.Neighbourhood, out var earlier))
            {
                throw new GeoDataException(source.HierarchyFile, row.Line, null,
                    $"neighbourhood {row.Neighbourhood} is listed again (first on line {earlier.Line}); each neighbourhood belongs to exactly one place and system.");
            }

            seen.Add(row.Neighbourhood, row);
            rows.Add(row);
        }

        if (rows.Count == 0)
        {
            throw new GeoDataException(source.HierarchyFile, null, null, "the lookup has no rows.");
        }

        return rows;
    }

    private static Dictionary<string, string> AssignIcps(
        DatasetSource source,
        Dictionary<string, string> systems,
        Dictionary<(string District, string System), string> placeCode,
        Dictionary<string, List<string>> placesBySystem,
        DatasetReport report,
        out List<Area> icps)
    {
        var icpFile = source.IcpFile ?? "ICP file";
        var icpOfPlace = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var icpInfo = new Dictionary<string, (string Name, string System)>(StringComparer.OrdinalIgnoreCase);

        foreach (var row in source.Icps)
        {
            if (!systems.ContainsKey(row.SystemCode))
            {
                report.UnmatchedCodes.Add(new UnmatchedCode(row.SystemCode, icpFile, $"system on line {row.Line} is not in the lookup"));
                continue;
            }

            if (icpInfo.TryGetValue(row.IcpCode, out var info) && !string.Equals(info.System, row.SystemCode, StringComparison.OrdinalIgnoreCase))
            {
                throw new GeoDataException(icpFile, row.Line, null,
                    $"ICP {row.IcpCode} is given system {row.SystemCode} here but {info.System} earlier; an ICP lies within one system.");
            }

            icpInfo[row.IcpCode] = (row.IcpName, row.SystemCode);
            if (!placeCode.TryGetValue((row.PlaceCode, row.SystemCode), out var place))
            {
                report.UnmatchedCodes.Add(new UnmatchedCode(row.PlaceCode, icpFile,
                    $"place on line {row.Line} has no neighbourhoods in system {row.SystemCode} in the lookup"));
                continue;
            }

            if (icpOfPlace.TryGetValue(place, out var other) && !string.Equals(other, row.IcpCode, StringComparison.OrdinalIgnoreCase))
            {
                throw new GeoDataException(icpFile, row.Line, null,
                    $"place {row.PlaceCode} is put in ICP {row.IcpCode} here but in {other} earlier; a place lies within one ICP.");
            }

            icpOfPlace[place] = row.IcpCode;
        }

        var systemsWithIcps = icpInfo.Values.Select(v => v.System).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var wholeSystem = new List<string>();
        foreach (var (system, places) in placesBySystem)
        {
            if (!systemsWithIcps.Contains(system))
            {
                var code = system + WholeSystemIcpSuffix;
                icpInfo[code] = ($"{ShortSystemName(systems[system])} ICP", system);
                places.ForEach(p => icpOfPlace[p] = code);
                wholeSystem.Add(system);
                continue;
            }

            foreach (var place in places.Where(p => !icpOfPlace.ContainsKey(p)))
            {
                // A place the ICP file forgot still has to sit somewhere: give its system an ICP
                // for the remainder and say so, rather than dropping the place.
                var code = system + "-UNASSIGNED";
                icpInfo[code] = ($"{ShortSystemName(systems[system])}: places in no ICP", system);
                icpOfPlace[place] = code;
                report.UnmatchedCodes.Add(new UnmatchedCode(place, icpFile, $"place of system {system} is in no ICP of that system"));
            }
        }

        if (wholeSystem.Count > 0)
        {
            report.Notes.Add($"{wholeSystem.Count} systems have no ICP rows and were given one ICP covering the whole system.");
        }

        icps = icpInfo.OrderBy(i => i.Key, StringComparer.Ordinal)
            .Select(i => new Area(i.Key, i.Value.Name, Level.Icp, i.Value.System,
                icpOfPlace.Where(p => string.Equals(p.Value, i.Key, StringComparison.OrdinalIgnoreCase))
                    .Select(p => p.Key).OrderBy(c => c, StringComparer.Ordinal).ToArray()))
            .Where(i => i.ChildCodes.Count > 0)
            .ToList();
        return icpOfPlace;
    }

    private sealed class DistrictSystemComparer : IEqualityComparer<(string District, string System)>
    {
        public static readonly DistrictSystemComparer Instance = new();

        public bool Equals((string District, string System) x, (string District, string System) y) =>
            string.Equals(x.District, y.District, StringComparison.OrdinalIgnoreCase)
            && string.Equals(x.System, y.System, StringComparison.OrdinalIgnoreCase);

        public int GetHashCode((string District, string System) obj) =>
            HashCode.Combine(StringComparer.OrdinalIgnoreCase.GetHashCode(obj.District),
                StringComparer.OrdinalIgnoreCase.GetHashCode(obj.System));
    }
}
