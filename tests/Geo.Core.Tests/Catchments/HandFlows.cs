using Geo.Core.Sources;

namespace Geo.Core.Tests.Catchments;

/// <summary>
/// A hand-made flow table over the tiny geography's neighbourhoods (N1 … N5), providers P1 … P5. Shares of each
/// neighbourhood's flow:
/// <code>
///        P1    P2    P3    P4    P5    total
/// N1     60    30    10     -     -      100   .6 .3 .1
/// N2     20    20    10     -     -       50   .4 .4 .2
/// N3      -    50    50     -     -      100   .5 .5
/// N4     25    25    25    25     -      100   .25 each
/// N5      -     -    15    80     5      100   .15 .8 .05
/// </code>
/// </summary>
internal static class HandFlows
{
    public static FlowSource Build() => new()
    {
        Providers = "test providers",
        ProviderNames = new Dictionary<string, string>
        {
            ["P1"] = "One",
            ["P2"] = "Two",
            ["P3"] = "Three",
            ["P4"] = "Four",
            ["P5"] = "Five",
        },
        Flows = Rows(
            ("P1", "N1", 60), ("P2", "N1", 30), ("P3", "N1", 10),
            ("P3", "N2", 10), ("P2", "N2", 20), ("P1", "N2", 20),
            ("P2", "N3", 50), ("P3", "N3", 50),
            ("P4", "N4", 25), ("P3", "N4", 25), ("P2", "N4", 25), ("P1", "N4", 25),
            ("P4", "N5", 80), ("P3", "N5", 15), ("P5", "N5", 5)),
        File = "hand.csv",
    };

    public static ProviderFlow[] Rows(params (string Provider, string Neighbourhood, double Count)[] rows) =>
        [.. rows.Select((r, i) => new ProviderFlow(r.Provider, r.Neighbourhood, r.Count, i + 2))];
}
