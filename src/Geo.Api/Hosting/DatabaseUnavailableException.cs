using System.Net.Sockets;
using Geo.Postgres;
using Npgsql;

namespace Geo.Api.Hosting;

/// <summary>The server answers from a database that cannot be used now: requests get 503 until it can.</summary>
public sealed class DatabaseUnavailableException(string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>True for failures that mean the database (not the request) is at fault.</summary>
    public static bool IsDatabaseFailure(Exception e) =>
        e is DatabaseUnavailableException or StoreException or NpgsqlException or SocketException or TimeoutException
        || (e is InvalidOperationException && e.InnerException is not null && IsDatabaseFailure(e.InnerException));

    /// <summary>A sentence for users: what is wrong, without connection secrets.</summary>
    public static string Describe(Exception e, string database) => e switch
    {
        DatabaseUnavailableException or StoreException => e.Message,
        // Operator intervention (57P01 shut down, 57P02 crashed, 57P03 starting up) and connection failures (class 08):
        // the server is stopping or not back yet, whatever the query.
        PostgresException pg when pg.SqlState.StartsWith("57P", StringComparison.Ordinal)
                                  || pg.SqlState.StartsWith("08", StringComparison.Ordinal) =>
            $"The database {database} is shut down or restarting: {Sentence(pg.MessageText)} ({pg.SqlState}).",
        PostgresException pg => $"The database {database} refused the query: {Sentence(pg.MessageText)} ({pg.SqlState}).",
        _ => $"The database {database} cannot be reached: {Sentence(e.Message)}.",
    };

    private static string Sentence(string text) => text.TrimEnd().TrimEnd('.');
}
