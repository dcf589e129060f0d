using System.Globalization;
using CsvHelper;

namespace Geo.Query;

/// <summary>The one CSV dialect of the answers' CSV writers (<see cref="BivariateCsv"/>, <see cref="TrendCsv"/>,
/// <see cref="SegmentCsv"/>): invariant culture, LF line ends. Stateless.</summary>
internal static class AnswerCsv
{
    public static readonly CsvWriterOptions Options = CsvWriterOptions.Default with
    {
        NewLine = "\n",
        FormatProvider = CultureInfo.InvariantCulture,
    };
}
