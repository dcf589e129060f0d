using System.Globalization;
using Xunit.Abstractions;

namespace Geo.Core.Tests.Statistics;

/// <summary>
/// Compares many computed figures with reference figures, collecting every mismatch (so one run
/// lists all failing rows) and the largest relative error, which is written to the test output.
/// </summary>
internal sealed class ReferenceComparison(string title, double relativeTolerance, ITestOutputHelper? output = null)
{
    private readonly List<string> _failures = [];
    private double _maxError;
    private string _maxAt = "-";

    public int Count { get; private set; }

    public static double RelativeError(double expected, double actual) =>
        expected == 0 ? Math.Abs(actual) : Math.Abs(actual - expected) / Math.Abs(expected);

    /// <summary>Checks one figure against the tolerance this comparison was made with.</summary>
    public void Check(double expected, double actual, string where) => Check(expected, actual, where, relativeTolerance);

    /// <summary>Checks one figure against its own relative tolerance (for reference figures that are rounded).</summary>
    public void Check(double expected, double actual, string where, double tolerance)
    {
        Count++;
        var error = RelativeError(expected, actual);
        if (error > _maxError || double.IsNaN(error))
        {
            _maxError = error;
            _maxAt = where;
        }

        if (!(error <= tolerance))
        {
            _failures.Add(string.Create(
                CultureInfo.InvariantCulture,
                $"{where}: expected {expected:R}, got {actual:R} (relative error {error:E2} > {tolerance:E1})"));
        }
    }

    /// <summary>Checks an absolute difference (for figures rounded to fixed decimals).</summary>
    public void CheckAbsolute(double expected, double actual, string where, double tolerance)
    {
        Count++;
        var difference = Math.Abs(actual - expected);
        var error = RelativeError(expected, actual);
        if (error > _maxError)
        {
            _maxError = error;
            _maxAt = where;
        }

        if (!(difference <= tolerance))
        {
            _failures.Add(string.Create(
                CultureInfo.InvariantCulture,
                $"{where}: expected {expected:R}, got {actual:R} (difference {difference:E2} > {tolerance:E1})"));
        }
    }

    public void Fail(string message) => _failures.Add(message);

    /// <summary>Fails with every mismatch found; otherwise reports how many figures matched and the worst error.</summary>
    public void AssertAll()
    {
        var summary = string.Create(
            CultureInfo.InvariantCulture,
            $"{title}: {Count} figures compared, max relative error {_maxError:E2} at {_maxAt}");
        output?.WriteLine(summary);
        Assert.True(Count > 0, title + ": nothing was compared");
        Assert.True(_failures.Count == 0, summary + Environment.NewLine + string.Join(Environment.NewLine, _failures));
    }
}
