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
    private readonly SortedSet<long> _keys = [];

    private CaseLock(NpgsqlConnection connection) => _connection = connection;

    /// <summary>Takes the locks of all the cases in the order of their keys, so two writers cannot deadlock.</summary>
    public static async Task<CaseLock> AcquireAsync(string connectionString, IEnumerable<string> cases, CancellationToken ct)
    {
        var caseLock = await OpenAsync(connectionString, ct);
        try
        {
            foreach (var key in cases.Select(KeyOf).Distinct().Order())
                await caseLock.TakeAsync(key, ct);
        }
        catch
        {
            // Closing the session releases whatever locks it took before the failure.
            await caseLock.DisposeAsync();
            throw;
        }

        return caseLock;
    }

    /// <summary>A session that holds no lock yet; <see cref="TakeAsync"/> adds cases as a writer meets them.</summary>
    public static async Task<CaseLock> OpenAsync(string connectionString, CancellationToken ct)
    {
        var connection = new NpgsqlConnection(connectionString);
        try
        {
            await connection.OpenAsync(ct);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }

        return new CaseLock(connection);
    }

    /// <summary>
    /// Takes the case's lock. Every writer waits for locks only in the order of their keys, so no two writers can
    /// wait for each other: a case whose key comes before one already held is only tried, and when another writer
    /// holds it this returns false, and the caller must let go of everything and take all its cases in order.
    /// </summary>
    public Task<bool> TakeAsync(string @case, CancellationToken ct) => TakeAsync(KeyOf(@case), ct);

    private async Task<bool> TakeAsync(long key, CancellationToken ct)
    {
        if (_keys.Contains(key)) return true;
        var inOrder = _keys.Count == 0 || key > _keys.Max;
        await using var command = new NpgsqlCommand(inOrder ? "select pg_advisory_lock($1)" : "select pg_try_advisory_lock($1)", _connection);
        command.Parameters.AddWithValue(key);
        var taken = true;
        if (inOrder) await command.ExecuteNonQueryAsync(ct);
        else taken = (bool)(await command.ExecuteScalarAsync(ct))!;
        if (taken) _keys.Add(key);
        return taken;
    }

    public async ValueTask DisposeAsync()
    {
        if (_keys.Count > 0)
        {
            await using var command = new NpgsqlCommand("select pg_advisory_unlock_all()", _connection);
            await command.ExecuteNonQueryAsync();
        }

        await _connection.DisposeAsync();
    }

    private static long KeyOf(string @case) =>
        BinaryPrimitives.ReadInt64BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes("laundertrail:case:" + @case)));
}
