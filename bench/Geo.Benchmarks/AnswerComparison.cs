using CsvHelper;

namespace Geo.Benchmarks;

/// <summary>
/// The <c>compare</c> mode: compares two per-point answer files (id, code; an empty code for no polygon), such as
/// ours from <c>join --answers</c> and GeoPandas' from geopandas_join.py, which may list a point once per polygon
/// it falls in. With the polygons and points it says, for each difference, where the point lies against each
/// polygon named.
/// </summary>
internal static class AnswerComparison
{
    private const int Shown = 20;

    public static int Run(BenchArguments args) => Run(args, Console.Out);

    public static int Run(BenchArguments args, TextWriter log)
    {
        var ours = Read(args.Required("ours"));
        var theirs = Read(args.Required("theirs"));
        var agree = 0;
        var differences = new List<(string Id, string Ours, string Theirs)>();
        foreach (var (id, codes) in ours)
        {
            var mine = codes.Single();
            var other = theirs.TryGetValue(id, out var found) ? found : ["(missing)"];
            var otherText = string.Join("|", other.Where(c => c.Length > 0));
            if (otherText == mine)
            {
                agree++;
            }
            else
            {
                differences.Add((id, mine, otherText));
            }
        }

        var onlyTheirs = theirs.Keys.Count(id => !ours.ContainsKey(id));
        var multiple = theirs.Values.Count(c => c.Count(code => code.Length > 0) > 1);
        log.WriteLine($"points: ours {ours.Count:N0}, theirs {theirs.Count:N0} ({onlyTheirs} only in theirs)");
        log.WriteLine($"matched: ours {ours.Values.Count(c => c[0].Length > 0):N0}, theirs {theirs.Values.Count(c => c.Any(code => code.Length > 0)):N0} ({multiple} points in more than one polygon)");
        log.WriteLine($"agree on {agree:N0} of {ours.Count:N0} points ({100.0 * agree / Math.Max(1, ours.Count):F4}%); differ on {differences.Count:N0}");

        if (differences.Count > 0)
        {
            Explain(differences, args, log);
        }

        return 0;
    }

    private static void Explain(List<(string Id, string Ours, string Theirs)> differences, BenchArguments args, TextWriter log)
    {
        PointFile? points = null;
        StrTreeLocator? locator = null;
        Dictionary<string, int>? byCode = null;
        if (args.Optional("points") is { } pointPath && args.Optional("polygons") is { } polygonPath)
        {
            var polygons = PolygonFile.Read(polygonPath, args.Required("code-field"), args.Has("fix-invalid"), log);
            points = PointFile.Read(pointPath);
            locator = new StrTreeLocator(polygons);
            byCode = Enumerable.Range(0, polygons.Count).GroupBy(i => polygons[i].Code).ToDictionary(g => g.Key, g => g.First());
        }

        var row = points is null ? null : Enumerable.Range(0, points.Count).ToDictionary(i => points.Ids[i], i => i);
        foreach (var (id, ours, theirs) in differences.Take(Shown))
        {
            var line = $"  id {id}: ours '{ours}', theirs '{theirs}'";
            if (row is not null && row.TryGetValue(id, out var i))
            {
                var (x, y) = (points!.Xs[i], points.Ys[i]);
                var named = new[] { ours }.Concat(theirs.Split('|')).Where(c => c.Length > 0).Distinct();
                var where = named.Select(c => byCode!.TryGetValue(c, out var p) ? $"{c} {locator!.Where(p, x, y)}" : $"{c} unknown");
                line += $" at ({x:R}, {y:R}): {string.Join(", ", where)}";
            }

            log.WriteLine(line);
        }

        if (differences.Count > Shown)
        {
            log.WriteLine($"  ... and {differences.Count - Shown} more");
        }
    }

    // id -> codes in file order; the code is the second column whatever its name.
    private static Dictionary<string, List<string>> Read(string path)
    {
        using var reader = CsvReader.FromFile(path, CsvReaderOptions.Default with { Separator = ',' });
        var answers = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        while (reader.Read())
        {
            var id = reader.GetString(0);
            var code = reader.FieldCount > 1 ? reader.GetString(1) : "";
            if (!answers.TryGetValue(id, out var codes))
            {
                answers[id] = codes = [];
            }

            codes.Add(code);
        }

        return answers;
    }
}
