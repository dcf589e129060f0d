using System.Globalization;
using CsvHelper;

namespace Geo.Query;

/// <summary>
/// The pairs of a <see cref="BivariateAnswer"/> as CSV, one row per child paired, the same bytes through <c>geo bivariate</c>
/// and the API: code, name, both published values, each tertile class and the bivariate class ("x-y"; empty below the
/// pairs needed). Invariant culture, LF line ends. Stateless.
/// </summary>
public static class BivariateCsv
{
    public static readonly IReadOnlyList<string> Columns = ["code", "name", "x_value", "y_value", "x_class", "y_class", "bivariate_class"];

    public static void Write(TextWriter writer, BivariateAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(answer);
        using var csv = CsvWriter.Create(writer, AnswerCsv.Options, true);
        csv.WriteHeader([.. Columns]);
        foreach (var p in answer.Pairs)
        {
            csv.WriteRecord(
            [
                p.Area.Code, p.Area.Name, N(p.X), N(p.Y),
                p.Class?.X.ToString(CultureInfo.InvariantCulture) ?? "", p.Class?.Y.ToString(CultureInfo.InvariantCulture) ?? "", p.Class?.Code ?? "",
            ]);
        }
    }

    private static string N(double x) => x.ToString("R", CultureInfo.InvariantCulture);
}
