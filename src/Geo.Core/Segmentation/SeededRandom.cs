namespace Geo.Core.Segmentation;

/// <summary>
/// SplitMix64 (Steele, Lea and Flood 2014, "Fast splittable pseudorandom number generators"): a tiny generator of our
/// own, so that a seed gives the same clusters on every machine and .NET version (System.Random's seeded algorithm is
/// an implementation detail). Not thread-safe: one per computation.
/// </summary>
internal sealed class SeededRandom(int seed)
{
    private ulong _state = unchecked((ulong)seed * 0x9E3779B97F4A7C15UL) ^ 0xD1B54A32D192ED03UL;

    public ulong NextUInt64()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Uniform on [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform on 0 .. <paramref name="count"/> − 1.</summary>
    public int Next(int count) => (int)(NextDouble() * count);
}
