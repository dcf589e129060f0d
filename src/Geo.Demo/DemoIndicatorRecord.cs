using Geo.Core.Sources;

namespace Geo.Demo;

/// <summary>One synthetic count of the demo's indicator: a neighbourhood's admissions in one period and age
/// band. Fictional, like everything in the demo.</summary>
public sealed record DemoIndicatorRecord(string Neighbourhood, string Period, AgeBand Band, int Count);
