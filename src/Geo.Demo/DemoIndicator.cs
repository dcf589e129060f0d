namespace Geo.Demo;

/// <summary>
/// What the demo's indicator is: its id, name, periods and what its counts count. The counts themselves
/// are synthetic (see <see cref="DemoData.CopdAdmissions"/>); the denominator is the resident population
/// of the dataset's population file, by the same age bands.
/// </summary>
/// <param name="Id">Stable identifier, e.g. <c>copd-emergency-admissions</c>.</param>
/// <param name="Periods">Financial years, oldest first, e.g. <c>2021/22</c>.</param>
public sealed record DemoIndicator(string Id, string Name, string Description, string Numerator, string Denominator, IReadOnlyList<string> Periods);
