using System.Runtime.CompilerServices;
using System.Text;

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
        using var reader = new StreamReader(stream, new UTF8Encoding(false, throwOnInvalidBytes: true));
        long number = 0;
        while (await reader.ReadLineAsync(ct) is { } line)
        {
            number++;
            yield return new SourceLine(number, line, stream.Position);
        }
    }
}
