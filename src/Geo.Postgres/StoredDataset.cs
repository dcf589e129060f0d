using Geo.Model;

namespace Geo.Postgres;

/// <summary>A dataset read from the database, with the version of the load that wrote it.</summary>
public sealed record StoredDataset(Dataset Dataset, string Version);
