using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace LaunderTrail.Storage;

/// <summary>
/// Appends to a case are serialised with a PostgreSQL advisory lock per case, so that two writers never extend the
/// case's hash chain from the same head (see docs/architecture.md). The locks are held either by a session of their
/// own, until disposed, or by a transaction another owner commits, until it ends (<see cref="OpenAsync"/>).
/// </summary>
public sealed class CaseLock : IAsyncDisposable
{
    private readonly NpgsqlConnection _connection;
    private readonly bool _transactional;
    private readonly SortedSet<long> _keys = [];

    private CaseLock(NpgsqlConnection connection, bool transactional)
    {
        _connection = connection;
        _transactional = transactional;
    }

    /// <summary>
    /// Takes the locks of all the cases in the order of their keys, so two writers cannot deadlock: in the caller's
    /// transaction when it has one, else on a session of their own (<see cref="OpenAsync"/>).
    /// </summary>
    public static async Task<CaseLock> AcquireAsync(NpgsqlDataSource db, NpgsqlConnection? callersTransaction,
        IEnumerable<string> cases, CancellationToken ct)
    {
        var caseLock = await OpenAsync(db, callersTransaction, ct);
        try
        {
            await caseLock.TakeInOrderAsync(cases, ct);
        }
        catch
        {
            // Closing the session (or ending the caller's transaction) releases whatever locks it took before the failure.
            await caseLock.DisposeAsync();
            throw;
        }

        return caseLock;
    }

    /// <summary>
    /// Locks that hold none yet; <see cref="TakeAsync"/> adds cases as a writer meets them. With no
    /// <paramref name="callersTransaction"/>, they are held by a session of their own until disposed. Otherwise they are
    /// taken in the transaction open on that connection, which the caller owns: each is held until that transaction ends
    /// (or the savepoint it was taken after is rolled back), whoever commits it, so a writer that leaves its commit to
    /// another (Wolverine's transaction) still keeps other writers off its cases until then; disposing them releases
    /// nothing, and the connection must be free when a lock is taken (no COPY under way).
    /// </summary>
    public static async Task<CaseLock> OpenAsync(NpgsqlDataSource db, NpgsqlConnection? callersTransaction, CancellationToken ct) =>
        callersTransaction is not null
            ? new CaseLock(callersTransaction, transactional: true)
            : new CaseLock(await db.OpenConnectionAsync(ct), transactional: false);

    private async Task TakeInOrderAsync(IEnumerable<string> cases, CancellationToken ct)
    {
        foreach (var key in cases.Select(KeyOf).Distinct().Order())
            await TakeAsync(key, ct);
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
        var scope = _transactional ? "_xact" : "";
        await using var command = new NpgsqlCommand(
            inOrder ? $"select pg_advisory{scope}_lock($1)" : $"select pg_try_advisory{scope}_lock($1)", _connection);
        command.Parameters.AddWithValue(key);
        var taken = true;
        if (inOrder) await command.ExecuteNonQueryAsync(ct);
        else taken = (bool)(await command.ExecuteScalarAsync(ct))!;
        if (taken) _keys.Add(key);
        return taken;
    }

    public async ValueTask DisposeAsync()
    {
        if (_transactional) return;
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
