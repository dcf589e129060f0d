using BenchmarkDotNet.Attributes;
using Geo.Spatial.Join;
using NetTopologySuite.Geometries;

namespace Geo.Benchmarks;

/// <summary>
/// Micro measurements of <see cref="PointIndex"/> on synthetic Voronoi cells: building it, locating points one by
/// one and in parallel, and the plain STRtree + locator method it improves on. Run with
/// <c>dotnet run -c Release --project bench/Geo.Benchmarks -- micro --filter *PointIndex*</c>.
/// Not thread-safe (BenchmarkDotNet runs one benchmark at a time).
/// </summary>
[MemoryDiagnoser]
public class PointIndexBenchmarks
{
    private List<(string Code, Geometry Polygon)> _cells = [];
    private PointIndex _index = null!;
    private StrTreeLocator _plain = null!;
    private double[] _xs = [];
    private double[] _ys = [];
    private int[] _found = [];

    [Params(5_000)]
    public int Cells { get; set; }

    [Params(100_000)]
    public int Points { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _cells = SyntheticData.Cells(Cells, seed: 1);
        _index = new PointIndex(_cells);
        _plain = new StrTreeLocator(_cells);
        var points = SyntheticData.Points(Points, seed: 2);
        _xs = points.Xs;
        _ys = points.Ys;
        _found = new int[Points];
    }

    [Benchmark]
    public PointIndex Build() => new(_cells);

    [Benchmark]
    public int LocateOneByOne()
    {
        var matched = 0;
        for (var i = 0; i < _xs.Length; i++)
        {
            matched += _index.Locate(_xs[i], _ys[i]) >= 0 ? 1 : 0;
        }

        return matched;
    }

    [Benchmark]
    public int[] LocateAll()
    {
        _index.LocateAll(_xs.AsMemory(), _ys.AsMemory(), _found.AsMemory());
        return _found;
    }

    [Benchmark(Baseline = true)]
    public int[] StrTreeLocateAll()
    {
        _plain.LocateAll(_xs, _ys, _found);
        return _found;
    }
}
