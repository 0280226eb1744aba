using System.Runtime.CompilerServices;

namespace LaunderTrail.Import;

/// <summary>A JSON Lines file on disk, read as a stream so memory does not grow with its size.</summary>
public sealed class JsonLinesFile(string path) : IEvidenceSource
{
    public string Name => path;

    public long? Length => new FileInfo(path).Length;

    public async IAsyncEnumerable<SourceLine> ReadAsync([EnumeratorCancellation] CancellationToken ct)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16,
            FileOptions.SequentialScan | FileOptions.Asynchronous);
        await foreach (var line in JsonLinesReader.ReadAsync(stream, ct)) yield return line;
    }
}
