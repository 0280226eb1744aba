using Npgsql;

namespace LaunderTrail.Storage;

/// <summary>
/// Who may connect to the private cluster, and as what. Every connection, over TCP on 127.0.0.1 or over the local
/// socket, must prove a password with SCRAM-SHA-256; the passwords are in a file only LaunderTrail's user can read
/// (<see cref="PrivateClusterPasswords"/>). Three logins: the <c>postgres</c> superuser (set-up only), the
/// <see cref="OwnerRole"/> that owns the database and every schema in it and runs the migrations, and the
/// <see cref="ApplicationRole"/> that LaunderTrail works as, which may not UPDATE, DELETE or TRUNCATE a recorded event.
/// </summary>
/// <remarks>
/// Earlier versions ran the cluster with <c>trust</c> and one superuser, so that any user of the machine could
/// connect and rewrite history. <see cref="SecureAsync"/> also moves such a cluster over: it sets the passwords while
/// trust still lets it in, hands the superuser's schemas and tables to the owner, and only then replaces the
/// authentication file and has the server reload it.
/// </remarks>
internal static class PrivateClusterAccess
{
    public const string Superuser = "postgres";
    public const string OwnerRole = "laundertrail_owner";
    public const string ApplicationRole = "laundertrail_app";
    public static readonly IReadOnlyList<string> Roles = [Superuser, OwnerRole, ApplicationRole];

    public const string HostBasedAuthentication =
        """
        # Written by LaunderTrail: every login proves its password (SCRAM-SHA-256), over the local socket and over
        # 127.0.0.1 alike; the server listens on no other address. The passwords are in the data root's pgpass file.
        # TYPE  DATABASE  USER  ADDRESS       METHOD
        local   all       all                 scram-sha-256
        host    all       all   127.0.0.1/32  scram-sha-256

        """;

    public static bool IsHostBasedAuthenticationCurrent(string path) =>
        File.Exists(path) && File.ReadAllText(path) == HostBasedAuthentication;

    // Rewritten in place, so that the file keeps its owner (the service user when LaunderTrail runs as root) and mode.
    public static void WriteHostBasedAuthentication(string path) => File.WriteAllText(path, HostBasedAuthentication);

    /// <summary>
    /// Makes the roles, their passwords, the database and the ownership of its schemas what they must be. Idempotent;
    /// run as the superuser on every start, and the one step that turns an old trust cluster into a locked one.
    /// </summary>
    public static async Task SecureAsync(string superuserConnectionString, string database, PrivateClusterPasswords passwords,
        string hbaPath, Action<string> log, CancellationToken ct)
    {
        var server = new NpgsqlConnectionStringBuilder(superuserConnectionString) { Database = "postgres" }.ConnectionString;
        await ExecuteAsync(server, RolesSql(passwords), ct);
        if (!await DatabaseExistsAsync(server, database, ct))
        {
            await ExecuteAsync(server, $"create database {database} owner {OwnerRole}", ct);
            log($"Created database {database}");
        }

        await ExecuteAsync(server,
            $"""
             alter database {database} owner to {OwnerRole};
             revoke all on database {database} from public;
             grant connect, temporary on database {database} to {ApplicationRole};
             """, ct);
        var inDatabase = new NpgsqlConnectionStringBuilder(superuserConnectionString) { Database = database }.ConnectionString;
        await ExecuteAsync(inDatabase, AdoptSuperusersObjectsSql, ct);

        if (IsHostBasedAuthenticationCurrent(hbaPath))
            return;

        WriteHostBasedAuthentication(hbaPath);
        await ExecuteAsync(server, "select pg_reload_conf()", ct);
        log("Locked the private PostgreSQL: passwords for every login (kept in " + passwords.Path + "), no trust, "
            + $"the schemas owned by {OwnerRole}, LaunderTrail working as {ApplicationRole}.");
    }

    private static string RolesSql(PrivateClusterPasswords passwords) =>
        $"""
         set password_encryption = 'scram-sha-256';
         do $roles$ begin
           if not exists (select from pg_roles where rolname = '{OwnerRole}') then create role {OwnerRole}; end if;
           if not exists (select from pg_roles where rolname = '{ApplicationRole}') then create role {ApplicationRole}; end if;
         end $roles$;
         alter role {OwnerRole} login nosuperuser nocreatedb nocreaterole noreplication nobypassrls password '{passwords.For(OwnerRole)}';
         alter role {ApplicationRole} login nosuperuser nocreatedb nocreaterole noreplication nobypassrls password '{passwords.For(ApplicationRole)}';
         alter role {Superuser} password '{passwords.For(Superuser)}';
         """;

    // Everything an earlier version created as the superuser: schemas, then their tables, views and sequences that no
    // table owns (a table's own sequences and indexes follow it), functions and free-standing types.
    private const string AdoptSuperusersObjectsSql =
        $$"""
          do $adopt$
          declare
            superuser oid := (select oid from pg_roles where rolname = '{{Superuser}}');
            item record;
          begin
            for item in select nspname from pg_namespace
                        where nspowner = superuser and nspname not like 'pg\_%' and nspname not in ('information_schema', 'public')
            loop
              execute format('alter schema %I owner to {{OwnerRole}}', item.nspname);
            end loop;

            for item in select c.oid::regclass as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
                        where c.relowner = superuser and c.relkind in ('r', 'p', 'v', 'm', 'f', 'S')
                          and n.nspname not like 'pg\_%' and n.nspname <> 'information_schema'
                          and not exists (select from pg_depend d where d.classid = 'pg_class'::regclass and d.objid = c.oid
                                          and d.refclassid = 'pg_class'::regclass and d.deptype in ('a', 'i'))
            loop
              execute format('alter table %s owner to {{OwnerRole}}', item.name);
            end loop;

            for item in select p.oid::regprocedure as name from pg_proc p join pg_namespace n on n.oid = p.pronamespace
                        where p.proowner = superuser and n.nspname not like 'pg\_%' and n.nspname <> 'information_schema'
            loop
              execute format('alter routine %s owner to {{OwnerRole}}', item.name);
            end loop;

            for item in select t.oid::regtype as name from pg_type t join pg_namespace n on n.oid = t.typnamespace
                        where t.typowner = superuser and n.nspname not like 'pg\_%' and n.nspname <> 'information_schema'
                          and (t.typtype in ('e', 'd', 'r', 'm')
                               or (t.typtype = 'c' and (select relkind from pg_class where oid = t.typrelid) = 'c'))
            loop
              execute format('alter type %s owner to {{OwnerRole}}', item.name);
            end loop;
          end $adopt$;
          """;

    private static async Task<bool> DatabaseExistsAsync(string connectionString, string database, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var exists = new NpgsqlCommand("select 1 from pg_database where datname = $1", connection);
        exists.Parameters.Add(new NpgsqlParameter { Value = database });
        return await exists.ExecuteScalarAsync(ct) is not null;
    }

    private static async Task ExecuteAsync(string connectionString, string sql, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }
}
