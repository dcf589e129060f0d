using System.Collections.Concurrent;
using System.Globalization;

namespace Geo.Postgres;

/// <summary>The SQL statements, embedded from <c>Sql/**/*.sql</c> and read by name; parameters only, never spliced values.</summary>
internal static class SqlText
{
    private const string Prefix = "Geo.Postgres.";
    private const string MigrationFolder = "Migrations/";

    private static readonly ConcurrentDictionary<string, string> Cache = new(StringComparer.Ordinal);

    /// <summary>The text of <c>Sql/{name}.sql</c>; name may hold a folder, e.g. "Migrations/0001_initial".</summary>
    public static string Get(string name) => Cache.GetOrAdd(name, static n =>
    {
        using var stream = typeof(SqlText).Assembly.GetManifestResourceStream(Prefix + n + ".sql")
            ?? throw new InvalidOperationException($"No embedded SQL file {n}.sql.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    /// <summary>The schema migrations in version order, from <c>Sql/Migrations/NNNN_name.sql</c>.</summary>
    public static IReadOnlyList<(int Version, string Name, string Sql)> Migrations() =>
        [.. typeof(SqlText).Assembly.GetManifestResourceNames()
            .Where(r => r.StartsWith(Prefix + MigrationFolder, StringComparison.Ordinal))
            .Select(r => r[(Prefix.Length + MigrationFolder.Length)..^".sql".Length])
            .Select(n => (Version: int.Parse(n[..n.IndexOf('_', StringComparison.Ordinal)], CultureInfo.InvariantCulture), Name: n))
            .OrderBy(m => m.Version)
            .Select(m => (m.Version, m.Name, Get(MigrationFolder + m.Name)))];
}
