using System.Security.Cryptography;
using System.Text;
using Marten;
using Npgsql;

namespace LaunderTrail.Storage;

/// <summary>
/// Which build last brought a schema up to date, kept as the schema's comment: the modules that decide its tables
/// (LaunderTrail's set-up, Marten, Weasel) and the schema's name. A command that finds its own build's fingerprint
/// skips Marten's comparison of every table with its model, most of a short command's start-up (docs/benchmarks.md);
/// any other build, or a schema without the comment, is compared and brought up to date as before.
/// </summary>
public static class SchemaFingerprint
{
    private const string Lead = "laundertrail schema ";

    /// <summary>This build's fingerprint of <paramref name="schema"/>.</summary>
    public static string Of(string schema)
    {
        var modules = string.Join(",", new[] { typeof(EvidenceStore), typeof(DocumentStore), typeof(Weasel.Core.SchemaObjectDelta) }
            .Select(t => t.Assembly.ManifestModule.ModuleVersionId.ToString("N")));
        return Lead + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{schema}\0{modules}")));
    }

    public static async Task<bool> MatchesAsync(NpgsqlDataSource ownerDb, string schema, CancellationToken ct)
    {
        await using var command = ownerDb.CreateCommand(
            "select obj_description(n.oid, 'pg_namespace') from pg_namespace n where n.nspname = $1");
        command.Parameters.AddWithValue(schema);
        return await command.ExecuteScalarAsync(ct) is string comment && comment == Of(schema);
    }

    /// <summary>Records that this build brought <paramref name="schema"/> up to date.</summary>
    public static async Task RecordAsync(NpgsqlDataSource ownerDb, string schema, CancellationToken ct)
    {
        await using var command = ownerDb.CreateCommand($"comment on schema {schema} is '{Of(schema)}'");
        await command.ExecuteNonQueryAsync(ct);
    }
}
