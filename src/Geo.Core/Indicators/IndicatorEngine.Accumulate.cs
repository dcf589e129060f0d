using Geo.Core.Geography;

namespace Geo.Core.Indicators;

// Accumulate: the records of each period put in their areas' cells (by common age band) and summed
// bottom-up through the hierarchy; the population and the reference rates by band.
public sealed partial class IndicatorEngine
{
    private void SumUp(double[] values)
    {
        foreach (var i in _bottomUp)
        {
            var p = _parent[i] * _bands;
            var c = i * _bands;
            for (var b = 0; b < _bands; b++)
            {
                values[p + b] += values[c + b];
            }
        }
    }

    /// <summary>The period's records put in their areas' cells (not yet summed up the hierarchy), with the
    /// dataset's population as denominator where the indicator has none of its own.</summary>
    private (double[] Numerator, double[] Denominator, bool[] HasData) Inputs(string period)
    {
        var weightedMean = _method.IsWeightedMean;
        var numerator = new double[_areas.Length * _bands];
        var denominator = new double[_areas.Length * _bands];
        var hasData = new bool[_areas.Length];
        var input = _inputs[period];
        var ownDenominator = false;
        for (var k = 0; k < input.Area.Length; k++)
        {
            var i = input.Area[k];
            var b = input.Band[k];
            var cell = (i * _bands) + Math.Max(0, b);
            hasData[i] = true;
            if (weightedMean)
            {
                var weight = double.IsNaN(input.Denominator[k]) ? Population(i, b) : input.Denominator[k];
                numerator[cell] += input.Numerator[k] * weight;
                denominator[cell] += weight;
            }
            else
            {
                numerator[cell] += input.Numerator[k];
                if (!double.IsNaN(input.Denominator[k]))
                {
                    denominator[cell] += input.Denominator[k];
                    ownDenominator = true;
                }
            }
        }

        if (!weightedMean && !ownDenominator)
        {
            for (var i = 0; i < _areas.Length; i++)
            {
                if (hasData[i])
                {
                    for (var b = 0; b < _bands; b++)
                    {
                        denominator[(i * _bands) + b] = _population[(i * _bands) + b] * Source.PopulationPeriods;
                    }
                }
            }
        }

        return (numerator, denominator, hasData);
    }

    /// <summary>What coverage is a share of, by area: its population; or, when the dataset has no population at all (an
    /// indicator that brings its own denominators), its number of neighbourhoods, so coverage is then the share of them with data.</summary>
    private double[] CoverageWeights()
    {
        var weights = new double[_areas.Length];
        var people = _root >= 0 && Population(_root, -1) > 0;
        for (var i = 0; i < _areas.Length; i++)
        {
            weights[i] = people ? Population(i, -1) : _areas[i].Level == Level.Neighbourhood ? 1 : 0;
        }

        if (!people)
        {
            foreach (var i in _bottomUp)
            {
                weights[_parent[i]] += weights[i];
            }
        }

        return weights;
    }

    private double Population(int area, int band)
    {
        if (band >= 0)
        {
            return _population[(area * _bands) + band];
        }

        var total = 0.0;
        for (var b = 0; b < _bands; b++)
        {
            total += _population[(area * _bands) + b];
        }

        return total;
    }

    /// <summary>The dataset total's rate in each band: the benchmark for expected counts and ISRs.</summary>
    private double[] ReferenceRates(double[] numerator, double[] denominator)
    {
        var rates = new double[_bands];
        for (var b = 0; b < _bands; b++)
        {
            var n = denominator[(_root * _bands) + b];
            rates[b] = n > 0 ? numerator[(_root * _bands) + b] / n : 0;
        }

        return rates;
    }

    /// <summary>The records of each period resolved once to area indexes and common bands (-1: all ages),
    /// skipping codes outside the dataset or at another level than the data's.</summary>
    private Dictionary<string, PeriodInput> IndexRecords()
    {
        var lists = Source.Periods.ToDictionary(p => p, _ => new List<IndicatorRecord>(), StringComparer.Ordinal);
        foreach (var record in Source.Records)
        {
            if (lists.TryGetValue(record.Period, out var list) && _index.TryGetValue(record.Area, out var i)
                && _areas[i].Level == Source.DataLevel)
            {
                list.Add(record);
            }
        }

        return lists.ToDictionary(p => p.Key, p =>
        {
            var records = p.Value;
            var input = new PeriodInput(new int[records.Count], new int[records.Count], new double[records.Count], new double[records.Count]);
            for (var k = 0; k < records.Count; k++)
            {
                var r = records[k];
                input.Area[k] = _index[r.Area];
                input.Band[k] = r.Band < 0 ? -1 : _dataBandToCommon[r.Band];
                input.Numerator[k] = r.Numerator;
                input.Denominator[k] = r.Denominator ?? double.NaN;
            }

            return input;
        }, StringComparer.Ordinal);
    }

    private sealed record PeriodInput(int[] Area, int[] Band, double[] Numerator, double[] Denominator);
}
