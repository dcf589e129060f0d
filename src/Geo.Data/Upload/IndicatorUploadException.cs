using Geo.Data.Indicators;

namespace Geo.Data.Upload;

/// <summary>
/// An indicator file or its options that cannot be loaded, with every problem found (up to a cap) by line and field;
/// nothing was loaded. The message lists them one a line, for a terminal.
/// </summary>
public sealed class IndicatorUploadException : Exception
{
    /// <param name="file">The file's name as given.</param>
    /// <param name="problems">The problems found, listed and counted.</param>
    public IndicatorUploadException(string file, IndicatorProblems problems)
        : base(Describe(file, problems))
    {
        File = file;
        Problems = [.. problems.Listed.OrderBy(p => p.Line ?? 0)];
        Count = problems.Count;
    }

    /// <summary>The file's name as given.</summary>
    public string File { get; }

    /// <summary>The problems listed, in the order found (at most the cap of the collector).</summary>
    public IReadOnlyList<IndicatorProblem> Problems { get; }

    /// <summary>How many problems were found in all; more than <see cref="Problems"/> holds when the list was capped.</summary>
    public int Count { get; }

    /// <summary>One line: how many problems and that nothing was loaded.</summary>
    public string Summary => Head(File, Count, Problems.Count);

    /// <summary>A problem as one line: where, then what.</summary>
    public static string Format(IndicatorProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var where = problem.Line is { } line ? $"line {line}" : "";
        if (problem.Field is { Length: > 0 } field)
        {
            where += (where.Length > 0 ? ", " : "") + $"field '{field}'";
        }

        return where.Length > 0 ? $"{where}: {problem.Message}" : problem.Message;
    }

    private static string Describe(string file, IndicatorProblems problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        return string.Join(Environment.NewLine, [Head(file, problems.Count, problems.Listed.Count), .. problems.Listed.OrderBy(p => p.Line ?? 0).Select(p => "  " + Format(p))]);
    }

    private static string Head(string file, int count, int listed) => count == 1
        ? $"{file}: 1 problem; nothing was loaded."
        : $"{file}: {count:N0} problems{(count > listed ? $" (the first {listed:N0} listed)" : "")}; nothing was loaded.";
}
