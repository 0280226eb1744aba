namespace LaunderTrail.Storage;

/// <summary>
/// The PostgreSQL programs the private cluster needs, always taken from one directory so that their versions match.
/// </summary>
internal sealed record PrivateClusterBinaries(string InitDb, string PgCtl, string Postgres)
{
    private const string DebianInstallRoot = "/usr/lib/postgresql";

    /// <summary>PATH first (what the user chose), then Debian's side-by-side installations, newest version first.</summary>
    public static IReadOnlyList<string> DefaultSearchDirectories()
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        return [.. path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries), .. VersionedBinDirectories(DebianInstallRoot)];
    }

    public static IEnumerable<string> VersionedBinDirectories(string installRoot)
    {
        if (!Directory.Exists(installRoot))
            return [];

        return Directory.EnumerateDirectories(installRoot)
            .Select(directory => (Directory: directory, Version: ParseVersion(Path.GetFileName(directory))))
            .Where(candidate => candidate.Version is not null)
            .OrderByDescending(candidate => candidate.Version)
            .Select(candidate => Path.Combine(candidate.Directory, "bin"));
    }

    public static PrivateClusterBinaries Locate(IReadOnlyList<string> searchDirectories)
    {
        foreach (var directory in searchDirectories)
        {
            var candidate = new PrivateClusterBinaries(
                Path.Combine(directory, "initdb"), Path.Combine(directory, "pg_ctl"), Path.Combine(directory, "postgres"));
            if (File.Exists(candidate.InitDb) && File.Exists(candidate.PgCtl) && File.Exists(candidate.Postgres))
                return candidate;
        }

        throw new PostgresNotFoundException(searchDirectories);
    }

    // Debian names the folders "15", "16" but older releases "9.6"; Version.TryParse needs at least major.minor.
    private static Version? ParseVersion(string folderName) =>
        Version.TryParse(folderName.Contains('.') ? folderName : folderName + ".0", out var version) ? version : null;
}
