using LaunderTrail.Flows;
using Marten;
using Npgsql;

namespace LaunderTrail.Storage;

/// <summary>
/// LaunderTrail's database: Marten's event store and documents in one schema, plus a plain data source for the
/// few queries that read the event table directly (chain heads, id look-ups) without materialising facts.
/// </summary>
public sealed class CaseStore : IAsyncDisposable
{
    private CaseStore(string connectionString, string schema, DocumentStore documents, NpgsqlDataSource db)
    {
        ConnectionString = connectionString;
        Schema = schema;
        Documents = documents;
        Db = db;
    }

    public string ConnectionString { get; }
    public string Schema { get; }
    public DocumentStore Documents { get; }
    public NpgsqlDataSource Db { get; }

    /// <summary>Opens the store and brings its schema up to date (tables, functions, the append-only guard).</summary>
    public static async Task<CaseStore> OpenAsync(string connectionString, string schema = EvidenceStore.DefaultSchema,
        CancellationToken ct = default)
    {
        var documents = EvidenceStore.Open(connectionString, schema);
        await documents.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        var db = NpgsqlDataSource.Create(connectionString);
        await AppendOnlyGuard.ApplyAsync(db, schema, ct);
        await StoredReports.TuneStorageAsync(db, schema, ct);
        return new CaseStore(connectionString, schema, documents, db);
    }

    public async ValueTask DisposeAsync()
    {
        Documents.Dispose();
        await Db.DisposeAsync();
    }
}
