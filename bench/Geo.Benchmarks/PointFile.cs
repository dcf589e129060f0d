using System.Globalization;
using CsvHelper;

namespace Geo.Benchmarks;

/// <summary>Points read from a CSV (id, x and y columns) into arrays, for timing the join without the parsing.</summary>
internal sealed record PointFile(string[] Ids, double[] Xs, double[] Ys)
{
    public int Count => Ids.Length;

    public static PointFile Read(string path, string idColumn = "id", string xColumn = "lon", string yColumn = "lat")
    {
        using var reader = CsvReader.FromFile(path, CsvReaderOptions.Default with { Separator = ',' });
        reader.ReadHeader();
        var id = reader.GetFieldIndex(idColumn);
        var x = reader.GetFieldIndex(xColumn);
        var y = reader.GetFieldIndex(yColumn);
        var ids = new List<string>();
        var xs = new List<double>();
        var ys = new List<double>();
        while (reader.Read())
        {
            ids.Add(reader.GetString(id));
            xs.Add(Parse(reader.GetSpan(x)));
            ys.Add(Parse(reader.GetSpan(y)));
        }

        return new PointFile([.. ids], [.. xs], [.. ys]);
    }

    public void Write(string path)
    {
        using var writer = new StreamWriter(path);
        writer.WriteLine("id,lon,lat");
        for (var i = 0; i < Count; i++)
        {
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Ids[i]},{Xs[i]:F6},{Ys[i]:F6}"));
        }
    }

    private static double Parse(ReadOnlySpan<byte> field) =>
        double.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : double.NaN;
}
