using System.ComponentModel;
using Spectre.Console.Cli;

namespace LaunderTrail.Cli;

/// <summary>The database option every command that reads or writes a case shares.</summary>
public class DatabaseSettings : CommandSettings
{
    [CommandOption("--db <CONNECTION>")]
    [Description("PostgreSQL connection string. Default: $LAUNDERTRAIL_DB, else a private local PostgreSQL under $LAUNDERTRAIL_DATA (~/.laundertrail). $LAUNDERTRAIL_OWNER_DB, if set, is the login that owns the schema and migrates it.")]
    public string? Db { get; init; }

    [CommandOption("--schema <NAME>")]
    [Description("Database schema that holds LaunderTrail's tables.")]
    [DefaultValue("laundertrail")]
    public string Schema { get; init; } = "laundertrail";
}
