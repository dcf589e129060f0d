using Geo.Core.Sources;

namespace Geo.Demo;

/// <summary>
/// The embedded demo dataset: fictional places, neighbourhoods and figures made by
/// <see cref="DemoDataset.Generate"/>. <see cref="Source"/> is flagged <see cref="DatasetSource.Synthetic"/> and
/// every name in it is made up. Immutable once generated, and so safe to share between threads.
/// </summary>
public sealed class DemoData
{
    public required int Seed { get; init; }

    /// <summary>Boundaries, lookup, ICPs, population and deprivation, as the importers would give them.</summary>
    public required DatasetSource Source { get; init; }

    /// <summary>What <see cref="CopdAdmissions"/> counts.</summary>
    public required DemoIndicator Copd { get; init; }

    /// <summary>Synthetic COPD emergency admissions: one count for every neighbourhood, period and ESP 2013
    /// band (zeros included), ordered by neighbourhood code, period and band.</summary>
    public required IReadOnlyList<DemoIndicatorRecord> CopdAdmissions { get; init; }

    /// <summary>Synthetic GP registrations: patients of each neighbourhood at each of 40 fictional practices, ordered
    /// by practice code then neighbourhood code; <see cref="DatasetSource.Flows"/> holds the same as flows.</summary>
    public required IReadOnlyList<DemoRegistration> Registrations { get; init; }
}
