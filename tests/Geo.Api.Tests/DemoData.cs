using Geo.Api.Hosting;
using Geo.Core.Geography;
using Geo.Core.Indicators;
using Geo.Core.Indicators.Suppression;
using Geo.Model;
using Microsoft.Extensions.DependencyInjection;

namespace Geo.Api.Tests;

/// <summary>What the tests check the API against: the demo dataset the server holds, read directly.</summary>
internal static class DemoData
{
    public const string Indicator = "copd-emergency-admissions";

    public static Dataset Dataset(DemoApiFactory factory) => factory.Services.GetRequiredService<DatasetHost>().Dataset;

    /// <summary>How many periods the demo indicator's publication pools sum (5: rolling five-year pools).</summary>
    public static int Pool(DemoApiFactory factory) =>
        Dataset(factory).Indicators.Single(i => i.Definition.Id == Indicator).PublicationPool;

    /// <summary>The demo indicator's engine in its publication pool: what every surface shows.</summary>
    public static IndicatorEngine Engine(DemoApiFactory factory) => Dataset(factory).Indicator(Indicator);

    public static IndicatorView Latest(DemoApiFactory factory)
    {
        var engine = Engine(factory);
        return engine.Publish(engine.LatestPeriod);
    }

    /// <summary>A published neighbourhood whose count is suppressed (the demo has some in every period).</summary>
    public static IndicatorRow SuppressedNeighbourhood(DemoApiFactory factory) =>
        Latest(factory).Rows.First(r => r.Area.Level == Level.Neighbourhood && r.Suppression == SuppressionReason.Primary);
}
