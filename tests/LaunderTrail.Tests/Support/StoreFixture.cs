using LaunderTrail.Storage;
using Npgsql;

namespace LaunderTrail.Tests.Support;

/// <summary>A test class's own schema, created empty before its first test and dropped after its last.</summary>
public abstract class StoreFixture(PostgresServer server) : IAsyncLifetime
{
    private CaseStore? _store;

    protected PostgresServer Server => server;

    protected CaseStore Store => _store ?? throw new InvalidOperationException("The store opens in InitializeAsync.");

    protected string Schema => "t_" + GetType().Name.ToLowerInvariant();

    public async ValueTask InitializeAsync()
    {
        await DropSchemaAsync();
        _store = await CaseStore.OpenAsync(server.ConnectionString, Schema, TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_store is not null) await _store.DisposeAsync();
        await DropSchemaAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>Runs the built <c>laundertrail</c> command on this class's schema, as a user runs it.</summary>
    private protected Task<LaunderTrailProcess.Result> RunCommandAsync(params string[] args) =>
        LaunderTrailProcess.RunAsync(new Dictionary<string, string> { ["LAUNDERTRAIL_DB"] = server.ConnectionString },
            [.. args, "--schema", Schema]);

    /// <summary>Opens the store once more, as the next command or node does: whatever it brings up to date on opening runs again.</summary>
    protected async Task ReopenAsync()
    {
        await using var _ = await CaseStore.OpenAsync(server.ConnectionString, Schema, TestContext.Current.CancellationToken);
    }

    protected async Task<long> ScalarAsync(string sql)
    {
        await using var command = Store.Db.CreateCommand(sql.Replace("{schema}", Schema));
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    private async Task DropSchemaAsync()
    {
        await using var connection = new NpgsqlConnection(server.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"drop schema if exists {Schema} cascade", connection);
        await command.ExecuteNonQueryAsync();
    }
}
