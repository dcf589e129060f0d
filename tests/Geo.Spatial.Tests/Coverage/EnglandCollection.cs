namespace Geo.Spatial.Tests.Coverage;

/// <summary>
/// Runs the coverage test classes one after another: the real-data tests share the loaded England
/// files and each measures its own time, which running beside the others on two cores would blur.
/// </summary>
internal static class EnglandCollection
{
    public const string Name = "Coverage on England data";
}
