using System.Globalization;

namespace LaunderTrail.Storage;

/// <summary>
/// The server settings LaunderTrail starts its private PostgreSQL with, sized to the machine's memory by a fixed
/// formula (the same memory always gives the same settings). They serve what LaunderTrail asks of the server: an
/// import COPYs up to millions of rows into the event table in one transaction (WAL, checkpoints), and a rebuild reads
/// the whole table back (shared buffers). Durability stays as PostgreSQL ships it: fsync, full-page writes and
/// synchronous commit are on, because a recorded fact is evidence, and an import reported as written must survive a
/// crash of the machine (docs/architecture.md).
/// </summary>
public static class PrivateClusterSettings
{
    private const long MiB = 1L << 20;
    private const long GiB = 1L << 30;

    /// <summary>The settings for a machine with <paramref name="memoryBytes"/> of memory, as <c>name=value</c> pairs in PostgreSQL's units.</summary>
    public static IReadOnlyList<(string Name, string Value)> For(long memoryBytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(memoryBytes);
        // An eighth of memory: the LaunderTrail process beside the server needs about a gigabyte for a million facts,
        // and the operating system's page cache holds the rest of the table.
        var sharedBuffers = Math.Clamp(memoryBytes / 8, 128 * MiB, 2 * GiB);
        // A COPY of a million rows writes about 2 GB of WAL: larger buffers let fewer writers wait for WAL space.
        var walBuffers = Math.Clamp(sharedBuffers / 32, 16 * MiB, 64 * MiB);
        return
        [
            ("shared_buffers", Megabytes(sharedBuffers)),
            ("wal_buffers", Megabytes(walBuffers)),
            // Checkpoints spread over a large import instead of one every gigabyte of WAL; each checkpoint also makes
            // the next change of every page write that whole page into the WAL again.
            ("max_wal_size", Megabytes(Math.Clamp(memoryBytes / 4, 2 * GiB, 8 * GiB))),
            ("min_wal_size", Megabytes(512 * MiB)),
            ("checkpoint_timeout", "15min"),
            ("checkpoint_completion_target", "0.9"),
            // Index builds and vacuum of the event table.
            ("maintenance_work_mem", Megabytes(Math.Clamp(memoryBytes / 16, 64 * MiB, 1 * GiB))),
            ("work_mem", Megabytes(Math.Clamp(memoryBytes / 512, 4 * MiB, 64 * MiB))),
            // Only what the planner assumes the caches hold; it allocates nothing.
            ("effective_cache_size", Megabytes(Math.Max(memoryBytes / 2, 128 * MiB))),
        ];
    }

    /// <summary>The memory this process may use: the machine's, or its container's limit where one is set.</summary>
    public static long MachineMemory() => GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;

    private static string Megabytes(long bytes) => (bytes / MiB).ToString(CultureInfo.InvariantCulture) + "MB";
}
