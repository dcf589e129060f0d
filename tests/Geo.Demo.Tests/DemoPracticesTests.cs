using System.Security.Cryptography;
using System.Text;
using Geo.Core.Catchments;
using Geo.Core.Sources;
using Geo.Data.Loading;

namespace Geo.Demo.Tests;

public sealed class DemoPracticesTests : IDisposable
{
    /// <summary>The default demo's registrations, pinned like the rest of the demo (see DemoDatasetTests).</summary>
    private const string PinnedFingerprint = "ac50c5f9f77b8d4b7fc7ebfcf02201be7e474fef1332215b14fbad953c2b96f3";

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("geo-demo-practices-");

    private static DemoData Data => DemoSample.Default;

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public void Generate_Registrations_FortyFictionalPracticesRegisterEveryNeighbourhood()
    {
        var registrations = Data.Registrations;
        var practices = registrations.Select(r => r.Practice).Distinct().ToArray();
        var people = Data.Source.Population.ToDictionary(p => p.Neighbourhood, p => p.Total);

        Assert.Equal(40, practices.Length);
        Assert.All(practices, p => Assert.StartsWith("X", p, StringComparison.Ordinal));
        Assert.Equal(people.Keys.Order(), registrations.Select(r => r.Neighbourhood).Distinct().Order());
        Assert.All(registrations, r => Assert.True(r.Patients > 0));
        Assert.Equal(0.97, registrations.Sum(r => r.Patients) / people.Values.Sum(), 2);
        Assert.Equal(registrations.OrderBy(r => r.Practice, StringComparer.Ordinal).ThenBy(r => r.Neighbourhood, StringComparer.Ordinal), registrations);
        Assert.Equal(registrations.Count, Data.Source.Flows!.Flows.Count);
    }

    [Fact]
    public void Generate_Registrations_MatchPinnedFingerprint()
    {
        var text = string.Join("\n", Data.Registrations.Select(r => r.ToString()));

        Assert.Equal(PinnedFingerprint, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text))));
    }

    [Fact]
    public void Generate_Catchments_OverlapByProportionalFlowAndCoverByFirstPastThePost()
    {
        var flows = Data.Source.Flows!;
        var proportional = CatchmentBuilder.Build(flows);
        var fptp = CatchmentBuilder.Build(flows, new CatchmentOptions { Method = CatchmentMethod.FirstPastThePost });
        var neighbourhoods = Data.Source.Hierarchy.Count;

        Assert.True(proportional.OverlappingNeighbourhoods > 0, "practices close together share neighbourhoods");
        Assert.Equal(neighbourhoods, proportional.NeighbourhoodsWithFlow);
        Assert.Equal(neighbourhoods, fptp.Catchments.Sum(c => c.Members.Count));
        Assert.True(fptp.Catchments.Count(c => c.Members.Count > 0) >= 30, "most practices win some neighbourhoods");
    }

    [Fact]
    public void WriteFiles_Registrations_ReadBackToTheSameFlows()
    {
        var path = DemoDataset.WriteFiles(Data, _folder.FullName);

        var flows = DatasetLoader.ReadSource(path).Flows!;

        var expected = Data.Source.Flows!;
        Assert.Equal(expected.Flows.Select(f => (f.Provider, f.Neighbourhood, f.Count, f.Line)),
            flows.Flows.Select(f => (f.Provider, f.Neighbourhood, f.Count, f.Line)));
        Assert.Equal(expected.ProviderNames.OrderBy(n => n.Key), flows.ProviderNames.OrderBy(n => n.Key));
        Assert.Contains(flows.ProviderNames.Values, n => n.Contains(',', StringComparison.Ordinal));
    }

    [Fact]
    public void Load_BadFlowRow_NothingLoadedAndTheErrorNamesFileLineAndField()
    {
        var path = DemoDataset.WriteFiles(Data, _folder.FullName);
        var file = Path.Combine(_folder.FullName, DemoDataset.RegistrationsFileName);
        var lines = File.ReadAllLines(file);
        lines[5] = string.Join(',', lines[5].Split(',')[..^1]) + ",-12";
        File.WriteAllLines(file, lines);

        var e = Assert.Throws<GeoDataException>(() => DatasetLoader.Load(path));

        Assert.Equal(file, e.File);
        Assert.Equal(6, e.Line);
        Assert.Equal("Patient", e.Field);
        Assert.Contains(file, e.Message, StringComparison.Ordinal);
        Assert.Contains("line 6", e.Message, StringComparison.Ordinal);
        Assert.Contains("'Patient'", e.Message, StringComparison.Ordinal);
    }
}
