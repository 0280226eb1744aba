using System.Collections.Concurrent;
using LaunderTrail.Storage;

namespace LaunderTrail.Tests.Storage;

/// <summary>
/// A data root inside a fresh temp folder. The temp folder is created private (0700) on purpose: under root the
/// cluster itself must make it traversable for the postgres user. Disposing stops any cluster and deletes it all.
/// </summary>
internal sealed class TemporaryDataRoot : IAsyncDisposable
{
    private readonly ConcurrentQueue<string> logLines = new();

    public TemporaryDataRoot()
    {
        TempFolder = Directory.CreateTempSubdirectory("laundertrail-cluster-").FullName;
        Path = System.IO.Path.Combine(TempFolder, "data");
    }

    public string TempFolder { get; }

    public string Path { get; }

    public IReadOnlyList<string> LogLines => [.. logLines];

    public PrivateCluster NewCluster() => new(Path, logLines.Enqueue);

    public async ValueTask DisposeAsync()
    {
        try
        {
            await NewCluster().StopAsync();
        }
        finally
        {
            Directory.Delete(TempFolder, recursive: true);
        }
    }
}
