using BenchmarkDotNet.Running;
using Geo.Benchmarks;

// Modes (see docs/benchmarks.md for how each figure there was made):
//   join     --polygons F.geojson --code-field F --points P.csv [--runs 7] [--baseline] [--verify] [--csv] [--answers OUT.csv]
//   compare  --ours A.csv --theirs B.csv [--polygons F.geojson --code-field F --points P.csv]
//   aggregate [--dataset M --data-root D] [--periods 10] [--runs 5]   (default: the demo)
//   inequality [--dataset M --data-root D] [--indicator ID] [--runs 5]   Gi* over every neighbourhood; profiles of every system and place
//   catchments [--dataset M --data-root D] [--indicator ID] [--runs 5]   flows → catchments, boundaries and indicator rows of every provider
//   tilesizes [--dataset M --data-root D] [--level L] [--exhaustive 12] [--keep 8] [--runs 5]   the largest tile of each level and zoom
//   encoders [--dataset M --data-root D] [--level L] [--zooms 8,10,12,14] [--runs 7]   own MVT encoder vs NetTopologySuite.IO.VectorTiles.Mapbox
//   segment  [--dataset M --data-root D --indicators a,b,c] [--k 5] [--seed 1] [--areas N] [--runs 5] [--values F.csv]   k-means segmentation
//   snapshot [--dataset M --data-root D] [--runs 5]   write a dataset snapshot, read it back (whole, and the point index only)
//   micro    [BenchmarkDotNet arguments, e.g. --filter *PointIndex*]
//   --smoke  every measurement once on tiny generated data (CI)
try
{
    return args switch
    {
        ["--smoke", ..] => SmokeRun.Run(),
        ["join", .. var rest] => JoinMeasurement.Run(BenchArguments.Parse(rest)),
        ["compare", .. var rest] => AnswerComparison.Run(BenchArguments.Parse(rest)),
        ["aggregate", .. var rest] => AggregationMeasurement.Run(BenchArguments.Parse(rest)),
        ["tiles", .. var rest] => TileMeasurement.Run(BenchArguments.Parse(rest)),
        ["tilesizes", .. var rest] => TileSizeMeasurement.Run(BenchArguments.Parse(rest)),
        ["encoders", .. var rest] => EncoderComparison.Run(BenchArguments.Parse(rest)),
        ["inequality", .. var rest] => InequalityMeasurement.Run(BenchArguments.Parse(rest)),
        ["catchments", .. var rest] => CatchmentMeasurement.Run(BenchArguments.Parse(rest)),
        ["segment", .. var rest] => SegmentMeasurement.Run(BenchArguments.Parse(rest)),
        ["snapshot", .. var rest] => SnapshotMeasurement.Run(BenchArguments.Parse(rest)),
        ["micro", .. var rest] => BenchmarkSwitcher.FromAssembly(typeof(PointIndexBenchmarks).Assembly).Run(rest).Any() ? 0 : 1,
        _ => Usage(),
    };
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    return Usage();
}

static int Usage()
{
    Console.Error.WriteLine(
        """
        usage: Geo.Benchmarks join --polygons F.geojson --code-field FIELD --points P.csv [--runs N] [--grid-cells N]
                                   [--baseline] [--verify] [--csv] [--answers OUT.csv] [--fix-invalid]
               Geo.Benchmarks compare --ours A.csv --theirs B.csv [--polygons F.geojson --code-field FIELD --points P.csv]
               Geo.Benchmarks aggregate [--dataset M --data-root D] [--periods N] [--runs N]
               Geo.Benchmarks inequality [--dataset M --data-root D] [--indicator ID] [--runs N]
               Geo.Benchmarks catchments [--dataset M --data-root D] [--indicator ID] [--runs N]
               Geo.Benchmarks tilesizes [--dataset M --data-root D] [--level L] [--exhaustive Z] [--keep N] [--runs N]
               Geo.Benchmarks encoders [--dataset M --data-root D] [--level L] [--zooms 8,10,12,14] [--runs N]
               Geo.Benchmarks segment [--dataset M --data-root D --indicators a,b,c] [--k K] [--seed S] [--areas N] [--runs N] [--values F.csv]
               Geo.Benchmarks snapshot [--dataset M --data-root D] [--runs N]
               Geo.Benchmarks micro [BenchmarkDotNet arguments]
               Geo.Benchmarks --smoke
        """);
    return 2;
}
