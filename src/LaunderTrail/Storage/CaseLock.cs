using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace LaunderTrail.Storage;

/// <summary>
/// Appends to a case are serialised with a PostgreSQL advisory lock per case, held on its own connection, so
/// that two writers never extend the case's hash chain from the same head (see docs/architecture.md).
/// </summary>
public sealed class CaseLock : IAsyncDisposable
{
    private readonly NpgsqlConnection _connection;
    private readonly long[] _keys;

    private CaseLock(NpgsqlConnection connection, long[] keys)
    {
        _connection = connection;
        _keys = keys;
    }

    /// <summary>Takes the locks of all the cases, always in the same order, so two writers cannot deadlock.</summary>
    public static async Task<CaseLock> AcquireAsync(string connectionString, IEnumerable<string> cases, CancellationToken ct)
    {
        var keys = cases.Order(StringComparer.Ordinal).Select(KeyOf).ToArray();
        var connection = new NpgsqlConnection(connectionString);
        try
        {
            await connection.OpenAsync(ct);
            foreach (var key in keys)
            {
                await using var command = new NpgsqlCommand("select pg_advisory_lock($1)", connection);
                command.Parameters.AddWithValue(key);
                await command.ExecuteNonQueryAsync(ct);
            }
        }
        catch
        {
            // Closing the session releases whatever locks it took before the failure.
            await connection.DisposeAsync();
            throw;
        }

        return new CaseLock(connection, keys);
    }

    public async ValueTask DisposeAsync()
    {
        if (_keys.Length > 0)
        {
            await using var command = new NpgsqlCommand("select pg_advisory_unlock_all()", _connection);
            await command.ExecuteNonQueryAsync();
        }

        await _connection.DisposeAsync();
    }

    private static long KeyOf(string @case) =>
        BinaryPrimitives.ReadInt64BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes("laundertrail:case:" + @case)));
}
