using System.Diagnostics;

namespace LaunderTrail.Storage;

/// <summary>
/// Serializes processes that prepare the same private cluster, so that two of them never run initdb or start
/// the server at once. FileShare.None is an exclusive flock on Unix, released by the kernel if the process dies.
/// </summary>
internal sealed class PrivateClusterLock : IDisposable
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(200);

    private readonly FileStream lockFile;

    private PrivateClusterLock(FileStream lockFile) => this.lockFile = lockFile;

    public static async Task<PrivateClusterLock> AcquireAsync(string path, TimeSpan timeout, CancellationToken ct)
    {
        var waiting = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return new PrivateClusterLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (IOException) when (waiting.Elapsed < timeout)
            {
                await Task.Delay(RetryDelay, ct);
            }
            catch (IOException exception)
            {
                throw new PrivateClusterException(
                    $"Another LaunderTrail process has been preparing the private PostgreSQL for {timeout.TotalSeconds:0} s "
                    + $"and still holds {path}: {exception.Message}");
            }
        }
    }

    // The file itself stays: deleting it would let a waiting process lock a file that a newcomer no longer sees.
    public void Dispose() => lockFile.Dispose();
}
