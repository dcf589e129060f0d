namespace Geo.Postgres;

/// <summary>The database answers but does not hold what Geo needs (no schema, another schema version, no dataset).</summary>
public sealed class StoreException(string message) : Exception(message);
