using LaunderTrail.Flows;
using Marten;
using Npgsql;

namespace LaunderTrail.Storage;

/// <summary>
/// LaunderTrail's database: Marten's event store and documents in one schema, plus a plain data source for the
/// few queries that read the event table directly (chain heads, id look-ups) without materialising facts. Both use
/// the application login; the owner login only brings the schema up to date when the store opens.
/// </summary>
public sealed class CaseStore : IAsyncDisposable
{
    private CaseStore(DatabaseLogins logins, string schema)
    {
        Logins = logins;
        Schema = schema;
        Flows = new CaseFlowsProjection(() => this);
        Documents = EvidenceStore.Open(logins.Application, schema, Flows);
        Db = NpgsqlDataSource.Create(logins.Application);
    }

    public DatabaseLogins Logins { get; }
    public string ConnectionString => Logins.Application;
    public string Schema { get; }
    public DocumentStore Documents { get; }
    public NpgsqlDataSource Db { get; }

    /// <summary>The case read models' projection, registered with <see cref="Documents"/>.</summary>
    public CaseFlowsProjection Flows { get; }

    /// <summary>Opens the store with one login that both migrates and works (a connection string given by the operator).</summary>
    public static Task<CaseStore> OpenAsync(string connectionString, string schema = EvidenceStore.DefaultSchema,
        CancellationToken ct = default) =>
        OpenAsync(DatabaseLogins.OneRole(connectionString), schema, ct);

    /// <summary>
    /// Brings the schema up to date as the owner (tables, functions, the append-only guard, the application login's
    /// privileges), then opens the store as the application login, which never changes the schema.
    /// </summary>
    public static async Task<CaseStore> OpenAsync(DatabaseLogins logins, string schema = EvidenceStore.DefaultSchema,
        CancellationToken ct = default)
    {
        await MigrateAsync(logins, schema, ct);
        return new CaseStore(logins, schema);
    }

    private static async Task MigrateAsync(DatabaseLogins logins, string schema, CancellationToken ct)
    {
        using (var owner = new DocumentStore(EvidenceStore.ConfigureMigrations(new StoreOptions(), logins.Owner, schema)))
            await owner.Storage.ApplyAllConfiguredChangesToDatabaseAsync();

        await using var ownerDb = NpgsqlDataSource.Create(logins.Owner);
        await AppendOnlyGuard.ApplyAsync(ownerDb, schema, ct);
        await StoredReports.TuneStorageAsync(ownerDb, schema, ct);
        if (logins.AreSeparate)
            await ApplicationPrivileges.GrantAsync(ownerDb, schema, logins.ApplicationRole, ct);
    }

    /// <summary>Grants the application login its privileges again, on tables created since the store opened (the API's).</summary>
    public async Task GrantApplicationPrivilegesAsync(CancellationToken ct)
    {
        if (!Logins.AreSeparate)
            return;

        await using var ownerDb = NpgsqlDataSource.Create(Logins.Owner);
        await ApplicationPrivileges.GrantAsync(ownerDb, Schema, Logins.ApplicationRole, ct);
    }

    public async ValueTask DisposeAsync()
    {
        Documents.Dispose();
        await Db.DisposeAsync();
    }
}
