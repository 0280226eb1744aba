using System.Data;
using Npgsql;

namespace LaunderTrail.Import;

/// <summary>
/// Where an import begins inside a transaction its caller owns and commits: everything the import does after it
/// (rows, stream versions, recording notices, the case locks of the transaction) is undone when it is disposed, unless
/// <see cref="KeepAsync"/> has handed it to the caller's commit. So a refused or failed import leaves the caller's
/// transaction as it found it.
/// </summary>
internal sealed class ImportSavepoint : IAsyncDisposable
{
    private const string Name = "laundertrail_import";

    private readonly NpgsqlConnection _connection;
    private bool _kept;

    private ImportSavepoint(NpgsqlConnection connection) => _connection = connection;

    public static async Task<ImportSavepoint> SetAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await RunAsync(connection, $"savepoint {Name}", ct);
        return new ImportSavepoint(connection);
    }

    /// <summary>Keeps what the import wrote for the caller's commit.</summary>
    public async Task KeepAsync(CancellationToken ct)
    {
        await RunAsync(_connection, $"release savepoint {Name}", ct);
        _kept = true;
    }

    public async ValueTask DisposeAsync()
    {
        // A broken connection has lost the caller's transaction with it: nothing of the import can be committed.
        if (_kept || _connection.State != ConnectionState.Open) return;
        await RunAsync(_connection, $"rollback to savepoint {Name}; release savepoint {Name}", CancellationToken.None);
    }

    private static async Task RunAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }
}
