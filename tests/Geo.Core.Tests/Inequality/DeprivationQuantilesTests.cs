using Geo.Core.Inequality;
using Geo.Core.Tests.Statistics;
using Geo.Tests;

namespace Geo.Core.Tests.Inequality;

public class DeprivationQuantilesTests
{
    [Fact]
    public void Assign_TwelveAreas_CutsAsTheReferenceDoes()
    {
        // 12 areas into deciles: n/q = 1.2, so the ranks fall 1-2 → 1, 3 → 2, 4 → 3, 5 → 4, 6 → 5, 7-8 → 6,
        // 9 → 7, 10 → 8, 11 → 9, 12 → 10 (⌊11 − ⌈(13 − r)·10/12⌉⌋, 0 read as 1).
        var scores = new[] { 50.0, 45, 40, 35, 30, 25, 20, 15, 10, 5, 4, 3 };

        var deciles = DeprivationQuantiles.Assign(scores);

        Assert.Equal([1, 1, 2, 3, 4, 5, 6, 6, 7, 8, 9, 10], deciles);
    }

    [Fact]
    public void Assign_TiesAndInputOrder_TiesShareTheLowestRank()
    {
        // Shuffled input; 30 and 30 tie at rank 2 (10 areas in deciles: rank r is decile r, so both are decile 2),
        // so nobody has rank 3.
        var scores = new[] { 5.0, 30, 1, 40, 30, 20, 10, 2, 4, 3 };

        var deciles = DeprivationQuantiles.Assign(scores);

        Assert.Equal([6, 2, 10, 1, 2, 4, 5, 9, 7, 8], deciles);
    }

    [Fact]
    public void Assign_FewerAreasThanQuantiles_NoneFormed()
    {
        Assert.Equal([0, 0, 0], DeprivationQuantiles.Assign([3.0, 2, 1]));
        Assert.Throws<ArgumentException>(() => DeprivationQuantiles.Assign([1.0, double.NaN], 2));
    }

    /// <summary>
    /// PHEindicatormethods' <c>phe_quantiles</c> test vectors: deciles within regions, septiles and quartiles of
    /// two indicators whose polarity says which end ranks first, with ties. Each group is ranked here from its
    /// values; the group of 9 regions' areas gets no deciles, as in the reference.
    /// </summary>
    [ReferenceFact]
    public void Assign_PheQuantilesReference_EveryGroupAgrees()
    {
        var table = ReferenceCsv.Load("testdata_Quantiles__testdata_Quantiles.csv", headerRow: 1);
        var rows = table.Rows.Where(r => r["Test"] is "Gooddata" or "GooddataDups").ToArray();
        var groups = rows.GroupBy(r => r["GroupSet"] switch
        {
            "IndSexReg" => $"{r["Test"]}|{r["QuantileNm"]}|{r["IndSexRef"]}|{r["ParentCode"]}",
            "IndSex" => $"{r["Test"]}|{r["QuantileNm"]}|{r["IndSexRef"]}",
            _ => r["QuantileNm"],
        });

        var checkedRows = 0;
        foreach (var group in groups)
        {
            var valued = group.Where(r => r.Has("Value")).ToArray();
            var quantiles = valued[0]["QuantileNm"] switch { "Decile" => 10, "Septile" => 7, "Quartile" => 4, var q => throw new InvalidDataException(q) };

            // The rank and count the reference used give its quantile by the formula alone (every group, including
            // the one quartile set that mixes polarities and so cannot be ranked from its values here).
            foreach (var row in valued.Where(r => r.Has("QuantileInGrp")))
            {
                var q = DeprivationQuantiles.Quantile((int)row.Number("RankinGrp"), (int)row.Number("RowsInGrp"), quantiles);
                Assert.True(q == (int)row.Number("QuantileInGrp"), $"{row}: quantile {q}");
                checkedRows++;
            }

            var polarities = valued.Select(r => r["Polarity"]).Distinct().ToArray();
            if (polarities.Length > 1)
            {
                continue;
            }

            // Rank 1 goes to the worst value: the highest when low is good.
            var sign = polarities[0] is "RAG - Low is good" or "1" ? 1 : -1;
            var assigned = DeprivationQuantiles.Assign([.. valued.Select(r => sign * r.Number("Value"))], quantiles);
            for (var i = 0; i < valued.Length; i++)
            {
                var expected = valued[i].Has("QuantileInGrp") ? (int)valued[i].Number("QuantileInGrp") : 0;
                Assert.True(expected == assigned[i], $"{valued[i]}: {assigned[i]}, reference {expected}");
            }
        }

        Assert.True(checkedRows > 900, $"{checkedRows} rows");
    }
}
