using System.Globalization;
using CsvHelper;

namespace Geo.Query;

/// <summary>
/// The members of a <see cref="SegmentAnswer"/> as CSV, one row per neighbourhood clustered, the same bytes through
/// <c>geo segment</c> and the API: code, name, cluster, then each indicator's published value under its id. Neighbourhoods
/// left out (suppressed or without a value) have no row. Invariant culture, LF line ends. Stateless.
/// </summary>
public static class SegmentCsv
{
    public static void Write(TextWriter writer, SegmentAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(answer);
        using var csv = CsvWriter.Create(writer, AnswerCsv.Options, true);
        csv.WriteHeader(["code", "name", "cluster", .. answer.Indicators.Select(i => i.Definition.Id)]);
        foreach (var m in answer.Members)
        {
            csv.WriteRecord([m.Area.Code, m.Area.Name, m.Cluster.ToString(CultureInfo.InvariantCulture),
                .. m.Values.Select(v => v.ToString("R", CultureInfo.InvariantCulture))]);
        }
    }
}
