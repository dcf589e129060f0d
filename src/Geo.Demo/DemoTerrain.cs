using System.Globalization;

namespace Geo.Demo;

/// <summary>
/// The fictional land of the demo, in British National Grid metres: an irregular region inside a box
/// in the north of England's grid, its towns, and smooth random fields for population density,
/// deprivation and the cost of running a boundary across the land. Synthetic throughout. Immutable once
/// built.
/// </summary>
internal sealed class DemoTerrain
{
    public const double MinX = 380_000;
    public const double MaxX = 470_000;
    public const double MinY = 400_000;
    public const double MaxY = 500_000;

    /// <summary>The region keeps this far inside the box, so sites outside it close every cell inside it.</summary>
    public const double Margin = 7_000;

    private const double CentreX = 425_000;
    private const double CentreY = 450_000;
    private const double SemiAxisX = 36_000;
    private const double SemiAxisY = 41_000;

    private readonly DemoField _outline = new();
    private readonly DemoField _density = new();
    private readonly DemoField _deprivation = new();
    private readonly DemoField _cost = new();

    private readonly int _seed;
    private readonly int _attempt;

    /// <param name="attempt">0 first; a land that fails the demo's requirements is drawn again with the next.</param>
    public DemoTerrain(int seed, int attempt, int townCount)
    {
        _seed = seed;
        _attempt = attempt;
        var outline = Random("outline");
        _outline.AddNoise(outline, 20, 0.45, 4_000, 12_000);

        Towns = PlaceTowns(Random("towns"), townCount);
        foreach (var town in Towns)
        {
            _density.Add(town.X, town.Y, town.Peak, town.Sigma);
        }

        DensityPeak = 1 + Towns.Sum(t => t.Peak);

        // Deprivation: the city and most towns have a deprived core a little off their centre, a few
        // towns are affluent; broad bumps add deprived former industrial valleys and comfortable
        // commuter belts.
        var deprivation = Random("deprivation-field");
        foreach (var town in Towns)
        {
            var affluent = deprivation.NextDouble() >= 0.75 && town != Towns[0];
            var sign = affluent ? -0.4 : 1.0;
            var x = town.X + 0.5 * town.Sigma * deprivation.NextNormal();
            var y = town.Y + 0.5 * town.Sigma * deprivation.NextNormal();
            var strength = deprivation.NextDouble(0.5, 1.5) * (0.8 + 1.2 * town.Size);
            _deprivation.Add(x, y, sign * strength, 0.9 * town.Sigma + 1_000);
        }

        _deprivation.AddNoise(deprivation, 40, 0.7, 2_000, 9_000);

        _cost.AddNoise(Random("cost-field"), 24, 0.6, 4_000, 12_000);
    }

    public IReadOnlyList<DemoTown> Towns { get; }

    /// <summary>An upper bound of <see cref="Density"/>.</summary>
    public double DensityPeak { get; }

    /// <summary>A random stream of this land: its seed, attempt and the stream's name.</summary>
    public DemoRandom Random(string stream) =>
        new(_seed, _attempt == 0 ? stream : string.Create(CultureInfo.InvariantCulture, $"{stream}#{_attempt}"));

    /// <summary>Whether a point lies in the region: a noisy ellipse, clear of the box's edge.</summary>
    public bool IsInside(double x, double y) => OutlineValue(x, y) < 1
        && x > MinX + Margin && x < MaxX - Margin && y > MinY + Margin && y < MaxY - Margin;

    /// <summary>Population density in multiples of the countryside's (1 away from towns).</summary>
    public double Density(double x, double y) => 1 + _density[x, y];

    /// <summary>The deprivation surface, about -1 (affluent) to 3 (most deprived); only its order matters.</summary>
    public double Deprivation(double x, double y) => _deprivation[x, y];

    /// <summary>How costly it is to cross the land at a point, about 0.3 to 3: boundaries follow the costly lines.</summary>
    public double Cost(double x, double y) => DemoMath.Exp(_cost[x, y]);

    /// <summary>How urban a point is, 0 (open country) to 1 (the city centre), from its density.</summary>
    public double Urbanity(double x, double y) => DemoMath.Clamp01(DemoMath.Log(Density(x, y)) / DemoMath.Log(DensityPeak));

    private double OutlineValue(double x, double y)
    {
        var dx = (x - CentreX) / SemiAxisX;
        var dy = (y - CentreY) / SemiAxisY;
        return dx * dx + dy * dy + _outline[x, y];
    }

    private List<DemoTown> PlaceTowns(DemoRandom random, int count)
    {
        // One city, two large towns, the rest market towns, placed by dart throwing well inside the region.
        var sizes = new double[count];
        for (var i = 0; i < count; i++)
        {
            sizes[i] = i switch
            {
                0 => 0.9,
                1 => 0.7,
                2 => 0.55,
                _ => random.NextDouble(0.12, 0.45),
            };
        }

        var towns = new List<DemoTown>(count);
        var spacing = 16_000.0;
        var misses = 0;
        while (towns.Count < count)
        {
            var x = random.NextDouble(MinX + Margin, MaxX - Margin);
            var y = random.NextDouble(MinY + Margin, MaxY - Margin);
            // The city sits well inside; the towns anywhere clear of the edge.
            var ok = OutlineValue(x, y) < (towns.Count == 0 ? 0.35 : 0.75);
            foreach (var t in towns)
            {
                var dx = t.X - x;
                var dy = t.Y - y;
                ok &= dx * dx + dy * dy >= spacing * spacing;
            }

            if (ok)
            {
                towns.Add(new DemoTown(x, y, sizes[towns.Count]));
                misses = 0;
            }
            else if (++misses > 500)
            {
                spacing *= 0.95;
                misses = 0;
            }
        }

        return towns;
    }
}
