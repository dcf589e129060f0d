namespace Geo.Demo;

/// <summary>A fictional town of the demo: its centre in British National Grid metres and its size, 0 (a market
/// town) to 1 (the city). Each town becomes the core of one place.</summary>
internal sealed record DemoTown(double X, double Y, double Size)
{
    /// <summary>Peak of the town's population density, in multiples of the countryside's.</summary>
    public double Peak => 4 + 26 * Size * Size;

    /// <summary>Spread of the town's density bump, in metres.</summary>
    public double Sigma => 1500 + 2500 * Size;
}
