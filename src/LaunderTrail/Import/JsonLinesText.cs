using System.Text;

namespace LaunderTrail.Import;

/// <summary>JSON Lines held as a string (a test, a tool's output), read as its UTF-8 bytes like a file.</summary>
public sealed class JsonLinesText(string name, string text) : IEvidenceSource
{
    private readonly JsonLinesBytes _bytes = new(name, new UTF8Encoding(false, throwOnInvalidBytes: true).GetBytes(text));

    public string Name => name;

    public long? Length => _bytes.Length;

    public IAsyncEnumerable<SourceLine> ReadAsync(CancellationToken ct) => _bytes.ReadAsync(ct);
}
