namespace Geo.Demo;

/// <summary>
/// xoshiro256** seeded through SplitMix64: a small generator whose algorithm is fixed here, unlike
/// <see cref="Random"/>'s, so a seed gives the same demo on every runtime. Each part of the demo draws
/// from its own named stream, so changing how one part uses random numbers leaves the others as they
/// were. Not thread-safe: one instance per stream, used by one thread.
/// </summary>
internal sealed class DemoRandom
{
    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;
    private double _spareNormal;
    private bool _hasSpareNormal;

    public DemoRandom(int seed, string stream)
    {
        var x = Key(seed, stream);
        _s0 = SplitMix(ref x);
        _s1 = SplitMix(ref x);
        _s2 = SplitMix(ref x);
        _s3 = SplitMix(ref x);
    }

    /// <summary>The 64-bit key of a named stream: FNV-1a of the name, mixed with the seed.</summary>
    public static ulong Key(int seed, string stream)
    {
        var h = 14695981039346656037UL;
        foreach (var c in stream)
        {
            h = (h ^ c) * 1099511628211UL;
        }

        return Mix(h ^ ((ulong)(uint)seed * 0x9E3779B97F4A7C15UL));
    }

    /// <summary>SplitMix64's finaliser: a good 64-bit hash of a 64-bit value.</summary>
    public static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A uniform number in [0, 1) that depends only on the key and the two integers, in that order.</summary>
    public static double Hash01(ulong key, int a, int b)
    {
        var h = Mix(key ^ Mix(((ulong)(uint)a << 32) | (uint)b));
        return (h >> 11) * (1.0 / (1UL << 53));
    }

    public ulong NextUInt64()
    {
        var result = RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform in [0, 1), on a grid of 2^-53.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    public double NextDouble(double min, double max) => min + (max - min) * NextDouble();

    /// <summary>Uniform in [0, <paramref name="maxExclusive"/>), by Lemire's multiply-shift.</summary>
    public int NextInt(int maxExclusive)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxExclusive);
        return (int)(((NextUInt64() >> 32) * (ulong)maxExclusive) >> 32);
    }

    /// <summary>Standard normal, by Marsaglia's polar method (which needs only a logarithm and a square root).</summary>
    public double NextNormal()
    {
        if (_hasSpareNormal)
        {
            _hasSpareNormal = false;
            return _spareNormal;
        }

        double u, v, s;
        do
        {
            u = 2 * NextDouble() - 1;
            v = 2 * NextDouble() - 1;
            s = u * u + v * v;
        }
        while (s >= 1 || s == 0);

        var f = Math.Sqrt(-2 * DemoMath.Log(s) / s);
        _spareNormal = v * f;
        _hasSpareNormal = true;
        return u * f;
    }

    /// <summary>
    /// A Poisson count with the given mean: Knuth's product of uniforms below a mean of 30, where it is
    /// exact and cheap; above, the normal approximation with continuity correction, whose error there is
    /// far below the noise of the demo's figures.
    /// </summary>
    public int NextPoisson(double mean)
    {
        if (!(mean > 0))
        {
            return 0;
        }

        if (mean < 30)
        {
            var limit = DemoMath.Exp(-mean);
            var k = 0;
            var p = NextDouble();
            while (p > limit)
            {
                k++;
                p *= NextDouble();
            }

            return k;
        }

        var x = Math.Floor(mean + Math.Sqrt(mean) * NextNormal() + 0.5);
        return x < 0 ? 0 : (int)x;
    }

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));

    private static ulong SplitMix(ref ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        return Mix(x);
    }
}
