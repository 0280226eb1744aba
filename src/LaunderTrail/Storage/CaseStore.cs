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
    private readonly bool _ownsDocuments;

    /// <param name="documents">The Marten store, with <paramref name="flows"/> registered.</param>
    /// <param name="ownsDocuments">Whether this store disposes <paramref name="documents"/>.</param>
    private CaseStore(DatabaseLogins logins, string schema, CaseFlowsProjection flows, DocumentStore documents,
        bool ownsDocuments, NpgsqlDataSource db)
    {
        Logins = logins;
        Schema = schema;
        Flows = flows;
        _ownsDocuments = ownsDocuments;
        Documents = documents;
        Db = db;
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
        CaseStore? store = null;
        var flows = new CaseFlowsProjection(() => store!);
        var db = NpgsqlDataSource.Create(logins.Application);
        // Configuring Marten needs no database: it runs while the schema is checked, which mostly waits on the database.
        var documents = Task.Run(() => EvidenceStore.Open(logins.Application, schema, flows), ct);
        var migrated = logins.Owner == logins.Application ? MigrateAsync(db, logins, schema, ct) : MigrateAsync(logins, schema, ct);
        try
        {
            await Task.WhenAll(documents, migrated);
        }
        catch
        {
            if (documents.IsCompletedSuccessfully) documents.Result.Dispose();
            await db.DisposeAsync();
            throw;
        }

        store = new CaseStore(logins, schema, flows, documents.Result, ownsDocuments: true, db);
        return store;
    }

    /// <summary>
    /// The store over a Marten store built elsewhere with <see cref="EvidenceStore.Configure"/> and
    /// <paramref name="flows"/> (the API's, which its host owns and disposes), so that a process holds one Marten
    /// store. The schema must be up to date (<see cref="MigrateAsync"/>).
    /// </summary>
    public static CaseStore Over(DatabaseLogins logins, string schema, DocumentStore documents, CaseFlowsProjection flows) =>
        new(logins, schema, flows, documents, ownsDocuments: false, NpgsqlDataSource.Create(logins.Application));

    /// <summary>Brings the schema up to date as the owner login, as <see cref="OpenAsync(DatabaseLogins, string, CancellationToken)"/> does first.</summary>
    public static async Task MigrateAsync(DatabaseLogins logins, string schema, CancellationToken ct)
    {
        await using var ownerDb = NpgsqlDataSource.Create(logins.Owner);
        await MigrateAsync(ownerDb, logins, schema, ct);
    }

    /// <param name="ownerDb">A data source of the owner login.</param>
    private static async Task MigrateAsync(NpgsqlDataSource ownerDb, DatabaseLogins logins, string schema, CancellationToken ct)
    {
        var current = await SchemaFingerprint.MatchesAsync(ownerDb, schema, ct);
        if (!current)
        {
            using var owner = new DocumentStore(EvidenceStore.ConfigureMigrations(new StoreOptions(), logins.Owner, schema));
            await owner.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        }

        // Cheap, and each restores what an owner may have undone by hand: applied whether the schema was current or not.
        await AppendOnlyGuard.ApplyAsync(ownerDb, schema, ct);
        await FactIdIndex.ApplyAsync(ownerDb, schema, ct);
        await StoredReports.TuneStorageAsync(ownerDb, schema, ct);
        if (logins.AreSeparate)
            await ApplicationPrivileges.GrantAsync(ownerDb, schema, logins.ApplicationRole, ct);
        if (!current) await SchemaFingerprint.RecordAsync(ownerDb, schema, ct);
    }

    /// <summary>Grants the application login its privileges again, on tables created since the schema was migrated (the API's).</summary>
    public static async Task GrantApplicationPrivilegesAsync(DatabaseLogins logins, string schema, CancellationToken ct)
    {
        if (!logins.AreSeparate)
            return;

        await using var ownerDb = NpgsqlDataSource.Create(logins.Owner);
        await ApplicationPrivileges.GrantAsync(ownerDb, schema, logins.ApplicationRole, ct);
    }

    public async ValueTask DisposeAsync()
    {
        if (_ownsDocuments) Documents.Dispose();
        await Db.DisposeAsync();
    }
}
