using Geo.Core.Bivariate;
using Geo.Core.Geography;

namespace Geo.Query;

/// <summary>
/// Two indicators side by side across the children of an area (<see cref="DatasetQueries.Bivariate"/>): the pairs of
/// published values, Spearman's ρ with its 95% interval and each child's 3×3 class. Only published values are used:
/// a child suppressed or without a value in either indicator is left out and counted. Immutable.
/// </summary>
/// <param name="X">The first indicator at its period.</param>
/// <param name="Y">The second indicator at its period.</param>
/// <param name="Area">The area whose children are paired.</param>
/// <param name="Children">How many children the area has.</param>
/// <param name="Suppressed">Children left out because either indicator's row is suppressed.</param>
/// <param name="NoValue">Children left out because either indicator has no value for them (and neither is suppressed).</param>
/// <param name="Pairs">The children paired, in code order.</param>
/// <param name="Spearman">ρ and its interval over the pairs.</param>
/// <param name="Reason">Why ρ, its interval or the classes are missing; null when all are given.</param>
public sealed record BivariateAnswer(
    PublishedIndicator X,
    PublishedIndicator Y,
    Area Area,
    int Children,
    int Suppressed,
    int NoValue,
    IReadOnlyList<BivariatePair> Pairs,
    SpearmanResult Spearman,
    string? Reason)
{
    /// <summary>The selection in words, for the export metadata.</summary>
    public string Selection => $"children of {Area.Code}: {X.Definition.Id} ({X.Period}) with {Y.Definition.Id} ({Y.Period})";
}

/// <summary>One child's published values of both indicators and its bivariate class (null below the pairs needed).</summary>
public sealed record BivariatePair(Area Area, double X, double Y, BivariateClass? Class);
