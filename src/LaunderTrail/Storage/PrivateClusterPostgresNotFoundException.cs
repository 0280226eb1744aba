namespace LaunderTrail.Storage;

/// <summary>
/// Thrown when LaunderTrail should run its private PostgreSQL server but finds no PostgreSQL installation.
/// The message is meant for the person at the terminal: it says how to get going.
/// </summary>
public sealed class PostgresNotFoundException(IEnumerable<string> searchedDirectories) : Exception(
    "LaunderTrail keeps its data in PostgreSQL. Without --db or LAUNDERTRAIL_DB it runs a private PostgreSQL "
    + "server of its own, but it found no directory holding initdb, pg_ctl and postgres together (searched: "
    + string.Join(", ", searchedDirectories) + "). Install PostgreSQL (on Debian or Ubuntu: `sudo apt-get install "
    + "postgresql`; elsewhere your distribution's PostgreSQL server package, e.g. `sudo dnf install "
    + "postgresql-server` or `brew install postgresql`), or point --db <connection string> or the "
    + "LAUNDERTRAIL_DB environment variable at an existing PostgreSQL server.");
