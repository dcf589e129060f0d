using Geo.Core.Indicators;
using Geo.Core.Sources;
using Geo.Data.Loading;

namespace Geo.Demo.Tests;

/// <summary>The demo's COPD admissions: written as files, they read back through the importer as generated.</summary>
public sealed class DemoIndicatorTests
{
    [Fact]
    public void Load_DemoWrittenAsFiles_GivesTheSameCopdRecordsAsTheGeneratedDemo()
    {
        var demo = DemoDataset.Generate();
        var directory = Directory.CreateTempSubdirectory("geo-demo-indicators-").FullName;
        try
        {
            var loaded = DatasetLoader.Load(DemoDataset.WriteFiles(demo, directory));

            var expected = demo.Source.Indicators.Single();
            var actual = loaded.Indicators.Single();
            Assert.Equal(expected.Definition, actual.Definition);
            Assert.Equal(IndicatorValueType.DirectlyStandardisedRate, actual.Definition.ValueType);
            Assert.Equal(expected.Periods, actual.Periods);
            Assert.Equal(AgeBand.Esp2013, actual.Bands);
            Assert.Equal(expected.Bands, actual.Bands);
            Assert.Equal(expected.DataLevel, actual.DataLevel);
            Assert.Equal(expected.Records, actual.Records);
            Assert.Equal(Path.Combine(directory, DemoDataset.CopdFileName), actual.File);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void Generate_Demo_HoldsTheCopdAdmissionsAsAnIndicator()
    {
        var demo = DemoSample.Default;
        var copd = demo.Source.Indicators.Single();

        Assert.Equal(DemoDataset.Copd.Id, copd.Definition.Id);
        Assert.Equal(100_000, copd.Definition.Multiplier);
        Assert.Equal(demo.CopdAdmissions.Count, copd.Records.Count);
        Assert.Equal(demo.CopdAdmissions.Sum(r => (double)r.Count), copd.Records.Sum(r => r.Numerator));
        Assert.All(copd.Records, r => Assert.Null(r.Denominator));
    }
}
