namespace Geo.Query;

// Population under the click (issue 19 §5): an area's age pyramid and an indicator's age-specific rates beside England's.
public sealed partial class DatasetQueries
{
    /// <summary>Says how age-specific rates are computed and withheld (docs/methods.md, "Age-specific rates").</summary>
    public const string AgeRatesMethod = "Each band's rate is its count over its population (person-years for pooled periods) times the "
        + "multiplier (per 100,000 for an ISR), with the 95% Poisson limits of the count (exact below 10 events, Byar's from 10) scaled "
        + "alike. The bands are broad bands, the same for every area: neighbouring bands are merged (the one with most small counts "
        + "first) until no area above the neighbourhood with a shown total has a small count in any. Band counts are then suppressed "
        + "band by band as totals are (small counts, then what protects them from subtraction), and an area shows its bands only when "
        + "none is hidden and its total is shown: all or nothing, so no band can be worked out from the total and the others.";

    /// <summary>The area's population by the dataset's age bands, summed from its neighbourhoods, with the country's shares.</summary>
    /// <exception cref="QueryException">No code, or an unknown area (404).</exception>
    public PopulationAnswer Population(string? code)
    {
        var area = Area(code);
        var bands = Dataset.AgeBands;
        if (bands.Count == 0 || Dataset.Population.Count == 0)
        {
            return new PopulationAnswer(area, 0, 0, [], null, $"Dataset '{Dataset.Name}' has no population file, so no population by age.");
        }

        var counts = Sum(Dataset.Geography.Neighbourhoods(area).Select(n => n.Code), bands.Count);
        var country = Sum(Dataset.Population.Keys, bands.Count);
        var (total, countryTotal) = (counts.Sum(), country.Sum());
        var rows = bands.Select((band, b) => new PopulationBand(band, counts[b], total > 0 ? counts[b] / total : 0,
            countryTotal > 0 ? country[b] / countryTotal : 0)).ToArray();
        return new PopulationAnswer(area, total, countryTotal, rows,
            "The population file gives persons only (no split by sex), so the pyramid is of persons.", null);
    }

    private double[] Sum(IEnumerable<string> neighbourhoods, int bands)
    {
        var sums = new double[bands];
        foreach (var code in neighbourhoods)
        {
            if (Dataset.Population.TryGetValue(code, out var counts))
            {
                for (var b = 0; b < bands; b++)
                {
                    sums[b] += counts[b];
                }
            }
        }

        return sums;
    }

    /// <summary>The area's age-specific rates of the indicator and period beside the country's; a reason instead when the
    /// indicator has none (<see cref="Core.Indicators.IndicatorEngine.NoAgeSpecificRates"/>).</summary>
    /// <exception cref="QueryException">As <see cref="Indicator"/> and <see cref="Area"/>.</exception>
    public AgeRatesAnswer AgeRates(string? indicator, string? period, string? code, int? pool = null)
    {
        var published = Indicator(indicator, period, pool);
        var area = Area(code);
        if (published.Engine.NoAgeSpecificRates() is { } reason)
        {
            return new AgeRatesAnswer(published, area, null, null, reason, null);
        }

        var view = published.Engine.AgeSpecific(published.Period);
        var rates = view.For(area.Code)!;
        var withheld = rates.Shown
            ? null
            : published.View.Get(area.Code).Value is null && published.View.Get(area.Code).Suppression == Core.Indicators.Suppression.SuppressionReason.None
                ? $"{area.Code} has no data for this indicator and period."
                : $"{area.Code}'s age-specific rates are withheld: a band's count (or its total) is suppressed, or protects a suppressed count "
                    + "nearby, and an area shows all its bands or none.";
        return new AgeRatesAnswer(published, area, rates, view.For(Dataset.Geography.Root.Code), null, withheld);
    }
}
