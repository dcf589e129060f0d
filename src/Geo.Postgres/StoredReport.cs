using Geo.Core.Reports;

namespace Geo.Postgres;

/// <summary>A <see cref="DatasetReport"/> as stored in <c>geo.dataset.report</c> (JSON).</summary>
internal sealed record StoredReport(
    List<GeometryRepair> Repairs, List<CoverageProblem> CoverageProblems, List<UnmatchedCode> UnmatchedCodes, List<string> Notes)
{
    public static StoredReport From(DatasetReport report) =>
        new([.. report.Repairs], [.. report.CoverageProblems], [.. report.UnmatchedCodes], [.. report.Notes]);

    public DatasetReport ToReport()
    {
        var report = new DatasetReport();
        report.Repairs.AddRange(Repairs);
        report.CoverageProblems.AddRange(CoverageProblems);
        report.UnmatchedCodes.AddRange(UnmatchedCodes);
        report.Notes.AddRange(Notes);
        return report;
    }
}
