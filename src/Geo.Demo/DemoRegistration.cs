namespace Geo.Demo;

/// <summary>One synthetic row of the demo's flow table: patients of one neighbourhood registered at one practice.
/// Fictional, like everything in the demo.</summary>
public sealed record DemoRegistration(string Practice, string PracticeName, string Neighbourhood, int Patients);
