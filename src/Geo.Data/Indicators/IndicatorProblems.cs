using Geo.Core.Sources;

namespace Geo.Data.Indicators;

/// <summary>
/// The problems of an indicator file collected instead of stopping at the first, for a person checking their own file
/// (an upload): the first <see cref="Cap"/> are kept in file order, the rest only counted. Give it to the reader through
/// <see cref="IndicatorReadContext.Problems"/>; the reader then reads on past a bad row and, at the end, throws one
/// <see cref="GeoDataException"/> if anything was collected, so nothing is loaded. Not thread-safe.
/// </summary>
public sealed class IndicatorProblems
{
    private readonly List<IndicatorProblem> _listed = [];

    /// <param name="cap">How many problems to keep (the rest are counted).</param>
    public IndicatorProblems(int cap = 100)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(cap);
        Cap = cap;
    }

    /// <summary>How many problems are kept.</summary>
    public int Cap { get; }

    /// <summary>Every problem found, listed or not.</summary>
    public int Count { get; private set; }

    /// <summary>The first <see cref="Cap"/> problems, in the order found.</summary>
    public IReadOnlyList<IndicatorProblem> Listed => _listed;

    /// <summary>Records a problem.</summary>
    public void Add(long? line, string? field, string message)
    {
        Count++;
        if (_listed.Count < Cap)
        {
            _listed.Add(new IndicatorProblem(line, field, message));
        }
    }

    /// <summary>Records the problem a reader raised.</summary>
    public void Add(GeoDataException e)
    {
        ArgumentNullException.ThrowIfNull(e);
        Add(e.Line, e.Field, e.Problem);
    }
}
