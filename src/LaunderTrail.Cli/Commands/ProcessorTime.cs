using System.Globalization;
using Npgsql;

namespace LaunderTrail.Cli.Commands;

/// <summary>
/// CPU time read from Linux's <c>/proc</c>, for the benchmark's account of where an import's time goes: this process's
/// children that have ended, and the processes of a PostgreSQL server running on this machine. <c>/proc</c> counts in
/// USER_HZ ticks, 100 a second on Linux. Null wherever <c>/proc</c> does not show it.
/// </summary>
internal static class ProcessorTime
{
    private const double TicksPerSecond = 100;

    // Fields of /proc/PID/stat after the command name, from the state (field 3 in proc(5)) on.
    private const int ParentId = 1;
    private const int UserTime = 11;
    private const int SystemTime = 12;
    private const int EndedChildrenUserTime = 13;
    private const int EndedChildrenSystemTime = 14;

    /// <summary>The CPU seconds (user and system) of this process's children that have ended and been waited for.</summary>
    public static double? OfEndedChildren() => Stat("self") is { } self ? Ended(self) / TicksPerSecond : null;

    /// <summary>
    /// The CPU seconds of a PostgreSQL server so far: its postmaster's, its running processes', and those of its
    /// processes that have ended (which the postmaster counts as its children's once it has waited for them). A process
    /// that ends while the others are read would be counted in neither: such a read is taken again.
    /// </summary>
    public static double? OfServer(int postmaster)
    {
        var id = postmaster.ToString(CultureInfo.InvariantCulture);
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (Stat(id) is not { } first) return null;
            long running = 0;
            foreach (var directory in Directory.EnumerateDirectories("/proc"))
            {
                var name = Path.GetFileName(directory);
                if (name.All(char.IsAsciiDigit) && Stat(name) is { } process && process[ParentId] == postmaster)
                    running += process[UserTime] + process[SystemTime];
            }

            if (Stat(id) is not { } last) return null;
            if (Ended(first) == Ended(last))
                return (last[UserTime] + last[SystemTime] + Ended(last) + running) / TicksPerSecond;
        }

        return null;
    }

    private static long Ended(long[] stat) => stat[EndedChildrenUserTime] + stat[EndedChildrenSystemTime];

    /// <summary>The postmaster of the server <paramref name="db"/> connects to, when it runs on this machine.</summary>
    public static async Task<int?> PostmasterOfAsync(NpgsqlDataSource db, CancellationToken ct)
    {
        await using var command = db.CreateCommand("select pg_backend_pid()");
        var backend = (int)(await command.ExecuteScalarAsync(ct))!;
        // A server in another process namespace (a container) may share the number with an unrelated process here.
        if (!IsPostgres(backend) || Stat(backend.ToString(CultureInfo.InvariantCulture)) is not { } stat) return null;
        var postmaster = (int)stat[ParentId];
        return IsPostgres(postmaster) ? postmaster : null;
    }

    private static bool IsPostgres(int pid) =>
        Read($"/proc/{pid}/comm") is { } name && name.Trim() is "postgres" or "postmaster";

    /// <summary>The numeric fields of <c>/proc/ID/stat</c> from the state on (the state itself as 0).</summary>
    private static long[]? Stat(string id)
    {
        if (Read($"/proc/{id}/stat") is not { } text) return null;
        var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return fields.Select(f => long.TryParse(f, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? n : 0).ToArray();
    }

    private static string? Read(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
