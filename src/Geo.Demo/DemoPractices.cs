using System.Globalization;
using Geo.Core.Sources;

namespace Geo.Demo;

/// <summary>
/// The demo's synthetic GP practices and their registrations, so that the demo serves catchments: a few dozen
/// practices sited where people live (more in towns), each neighbourhood's residents registered across its nearer
/// practices by distance decay (a practice's pull is its size times e^(−distance / 2 km), the five strongest
/// sharing the residents), counts drawn from Poisson distributions. Deterministic for a seed (its own random
/// stream, so the rest of the demo is unchanged by it). Stateless.
/// </summary>
internal static class DemoPractices
{
    public const int Count = 40;

    /// <summary>Distance over which a practice's pull falls by a factor e, in metres.</summary>
    private const double Decay = 2_000;

    /// <summary>How many practices share a neighbourhood's residents.</summary>
    private const int Choices = 5;

    /// <summary>Share of residents registered with some practice.</summary>
    private const double Registered = 0.97;

    private static readonly string[] Words =
        ["Park", "Station", "Market", "Mill", "Church", "Bridge", "Castle", "Abbey", "Orchard", "Meadow", "Valley", "Riverside"];

    private static readonly string[] Kinds = ["Surgery", "Medical Centre", "Health Centre", "Medical Practice", "Family Practice"];

    /// <summary>The registrations, ordered by practice code then neighbourhood code as the real file is.</summary>
    public static DemoRegistration[] Generate(DemoTerrain terrain, DemoTessellation cells, int[][] population, DemoGeography geography, int seed)
    {
        var random = new DemoRandom(seed, "practices");
        var n = cells.Count;
        var people = population.Select(p => p.Sum()).ToArray();

        // Sites: cells drawn with probability proportional to residents times density, without repeats.
        var weight = new double[n];
        var total = 0.0;
        for (var c = 0; c < n; c++)
        {
            weight[c] = people[c] * terrain.Density(cells.Sites[c].X, cells.Sites[c].Y);
            total += weight[c];
        }

        var sites = new List<int>(Count);
        while (sites.Count < Count)
        {
            var target = random.NextDouble() * total;
            var c = 0;
            var cumulative = weight[0];
            while (cumulative < target && c < n - 1)
            {
                cumulative += weight[++c];
            }

            if (!sites.Contains(c))
            {
                sites.Add(c);
            }
        }

        var codes = new string[Count];
        var names = new string[Count];
        var size = new double[Count];
        for (var p = 0; p < Count; p++)
        {
            var c = sites[p];
            codes[p] = string.Create(CultureInfo.InvariantCulture, $"X{81001 + p}");
            var district = geography.DistrictName[geography.CellDistrict[c]];
            names[p] = $"{Words[random.NextInt(Words.Length)]} {Kinds[random.NextInt(Kinds.Length)]}, {district}";
            size[p] = random.NextDouble(0.5, 2.0);
        }

        var rows = new List<DemoRegistration>();
        var pull = new (double Pull, int Practice)[Count];
        foreach (var c in geography.Order)
        {
            var site = cells.Sites[c];
            for (var p = 0; p < Count; p++)
            {
                var s = cells.Sites[sites[p]];
                var dx = site.X - s.X;
                var dy = site.Y - s.Y;
                pull[p] = (size[p] * DemoMath.Exp(-Math.Sqrt((dx * dx) + (dy * dy)) / Decay), p);
            }

            Array.Sort(pull, (a, b) => b.Pull != a.Pull ? b.Pull.CompareTo(a.Pull) : a.Practice.CompareTo(b.Practice));
            var sum = 0.0;
            for (var k = 0; k < Choices; k++)
            {
                sum += pull[k].Pull;
            }

            for (var k = 0; k < Choices; k++)
            {
                var (strength, p) = pull[k];
                var patients = sum > 0 ? random.NextPoisson(people[c] * Registered * strength / sum) : 0;
                if (patients > 0)
                {
                    rows.Add(new DemoRegistration(codes[p], names[p], geography.CellCode[c], patients));
                }
            }
        }

        return [.. rows.OrderBy(r => r.Practice, StringComparer.Ordinal).ThenBy(r => r.Neighbourhood, StringComparer.Ordinal)];
    }

    /// <summary>The registrations as the flow table the importers would make of the demo's file.</summary>
    public static FlowSource Source(IReadOnlyList<DemoRegistration> registrations) => new()
    {
        Providers = "GP practices (synthetic)",
        Counts = "patients registered (synthetic)",
        ProviderNames = registrations.GroupBy(r => r.Practice).ToDictionary(g => g.Key, g => g.First().PracticeName, StringComparer.OrdinalIgnoreCase),
        Flows = [.. registrations.Select((r, i) => new ProviderFlow(r.Practice, r.Neighbourhood, r.Patients, i + 2L))],
        File = "demo:gp-registrations",
        ImportNotes = ["Synthetic: generated by the demo, not read from a file."],
    };
}
