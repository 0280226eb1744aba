using Npgsql;

namespace LaunderTrail.Storage;

/// <summary>
/// The two PostgreSQL logins LaunderTrail uses. <see cref="Owner"/> owns the schema and runs its migrations (tables,
/// functions, the append-only guard); <see cref="Application"/> is what every command and the API read and write
/// with: it may append to the event table but never change or remove what is there. With one login for both (a
/// connection string given with --db or LAUNDERTRAIL_DB), the database's own privileges cannot tell them apart and
/// the append-only guard and the hash chain are the defences left.
/// </summary>
public sealed record DatabaseLogins(string Application, string Owner)
{
    public static DatabaseLogins OneRole(string connectionString) => new(connectionString, connectionString);

    public string ApplicationRole => new NpgsqlConnectionStringBuilder(Application).Username ?? "";

    public bool AreSeparate =>
        !string.Equals(ApplicationRole, new NpgsqlConnectionStringBuilder(Owner).Username, StringComparison.Ordinal);
}
