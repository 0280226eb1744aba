using System.Runtime.Versioning;

namespace LaunderTrail.Storage;

/// <summary>
/// PostgreSQL refuses to run as root. A root LaunderTrail therefore runs the private cluster as the
/// <c>postgres</c> system user that the distribution's packages create, or else as <c>nobody</c>, which every
/// Linux system has, rather than adding an account to the machine.
/// </summary>
internal static class PrivateClusterServiceUser
{
    /// <summary>The user to run PostgreSQL as, or null when the current user can run it directly.</summary>
    public static async Task<string?> ChooseAsync(CancellationToken ct)
    {
        if (Environment.UserName != "root")
            return null;

        var postgresUser = await PrivateClusterCommandRunner.RunProcessAsync("id", ["-u", "postgres"], ct);
        return postgresUser.ExitCode == 0 ? "postgres" : "nobody";
    }

    public static async Task GiveOwnershipAsync(string user, string directory, CancellationToken ct)
    {
        var chown = await PrivateClusterCommandRunner.RunProcessAsync("chown", ["-R", $"{user}:", directory], ct);
        if (chown.ExitCode != 0)
            throw new PrivateClusterException($"Could not give {directory} to the user '{user}': {chown.Output}");
    }

    /// <summary>
    /// Adds o+x to <paramref name="directory"/> and every parent lacking it, so the service user can reach the
    /// cluster; o+x lets others pass through a folder without listing it.
    /// </summary>
    [UnsupportedOSPlatform("windows")]
    public static void MakeReachable(string user, string directory, Action<string> log)
    {
        for (var current = new DirectoryInfo(directory); current is not null; current = current.Parent)
        {
            var mode = current.UnixFileMode;
            if (mode.HasFlag(UnixFileMode.OtherExecute))
                continue;

            current.UnixFileMode = mode | UnixFileMode.OtherExecute;
            log($"Made {current.FullName} traversable by other users (chmod o+x) so that the '{user}' user running "
                + $"PostgreSQL can reach {directory}.");
        }
    }
}
