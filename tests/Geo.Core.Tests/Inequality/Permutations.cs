namespace Geo.Core.Tests.Inequality;

/// <summary>Exact moments of a per-cell statistic over every arrangement of a few values (Heap's algorithm).</summary>
internal static class Permutations
{
    public static (double Mean, double Variance)[] Moments(double[] values, Func<double[], int, double> statistic)
    {
        var n = values.Length;
        var x = (double[])values.Clone();
        var sum = new double[n];
        var sumSquares = new double[n];
        long count = 0;

        void Visit()
        {
            count++;
            for (var i = 0; i < n; i++)
            {
                var s = statistic(x, i);
                sum[i] += s;
                sumSquares[i] += s * s;
            }
        }

        // iterative Heap's algorithm
        var c = new int[n];
        Visit();
        var k = 1;
        while (k < n)
        {
            if (c[k] < k)
            {
                var swap = k % 2 == 0 ? 0 : c[k];
                (x[swap], x[k]) = (x[k], x[swap]);
                Visit();
                c[k]++;
                k = 1;
            }
            else
            {
                c[k] = 0;
                k++;
            }
        }

        return [.. Enumerable.Range(0, n).Select(i =>
        {
            var mean = sum[i] / count;
            return (mean, (sumSquares[i] / count) - (mean * mean));
        })];
    }
}
