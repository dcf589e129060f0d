using Geo.Core.Indicators;
using Geo.Core.Inequality;
using Geo.Query.Vocabulary;

namespace Geo.Query;

public sealed partial class DatasetQueries
{
    public const int MinCompared = 2;
    public const int MaxCompared = 4;

    /// <summary>2 to 4 areas side by side with the significance of each pair's difference (<see cref="PairSignificance"/>).</summary>
    /// <param name="areas">Area codes, separated by commas.</param>
    public AreaComparison Compare(string? indicator, string? period, string? areas, int? pool = null)
    {
        var codes = (areas ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (codes.Length is < MinCompared or > MaxCompared)
        {
            throw QueryException.Bad("areas", $"List {MinCompared} to {MaxCompared} area codes separated by commas; {codes.Length} given.");
        }

        if (codes.Distinct(StringComparer.OrdinalIgnoreCase).Count() != codes.Length)
        {
            throw QueryException.Bad("areas", "The areas to compare list the same code twice.");
        }

        var published = Indicator(indicator, period, pool);
        var rows = codes.Select(c => published.View.Get(Area(c, "areas").Code)).ToArray();
        var pairs = new List<PairComparison>();
        for (var i = 0; i < rows.Length; i++)
        {
            for (var j = i + 1; j < rows.Length; j++)
            {
                pairs.Add(PairSignificance.Compare(rows[i], rows[j], Dataset.Geography));
            }
        }

        return new AreaComparison(published, rows, pairs, "areas " + string.Join(", ", rows.Select(r => r.Area.Code)));
    }

    /// <summary>
    /// An area's inequality profile from true neighbourhood counts, on national IMD deciles or deciles formed within the
    /// area (<paramref name="deciles"/>: <see cref="DecileWords"/>); only aggregates leave it, with suppression applied to
    /// the group counts. The Core20 gap is compared as two independent groups.
    /// </summary>
    public InequalityAnswer Inequality(string? indicator, string? period, string? code, string? deciles, int? pool = null)
    {
        var basis = DecileWords.Parse(deciles);
        var published = Indicator(indicator, period, pool);
        var area = Area(code);
        if (basis == DecileBasis.Local && !Dataset.Deprivation.Values.Any(d => d.Score is not null))
        {
            throw QueryException.Bad("deciles", "Local deciles need IMD scores, and this dataset's deprivation file has none.");
        }

        Supported(InequalityProfile.Unsupported(published.Engine.Source));
        var profile = InequalityProfile.Calculate(published.Engine, published.Period, area, Dataset.Geography, Dataset.Deprivation, basis);
        var gap = PairSignificance.Compare("core20", Round(profile.Core20.Value), Round(profile.Core20.Lower95), Round(profile.Core20.Upper95),
            "rest", Round(profile.Rest.Value), Round(profile.Rest.Lower95), Round(profile.Rest.Upper95));
        var selection = $"inequality profile of {area.Code}" + (basis == DecileBasis.Local ? ", local deciles" : "");
        return new InequalityAnswer(published, published.View.Get(area.Code), profile, basis, gap, selection);
    }

    private static double? Round(double? value) => IndicatorColumns.Published(value);
}
