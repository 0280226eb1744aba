namespace LaunderTrail.Import;

/// <summary>JSON Lines already in memory as the bytes they came as (a request body, a test), read like a file.</summary>
public sealed class JsonLinesBytes(string name, byte[] bytes) : IEvidenceSource
{
    public string Name => name;

    public long? Length => bytes.Length;

    public IAsyncEnumerable<SourceLine> ReadAsync(CancellationToken ct) =>
        JsonLinesReader.ReadAsync(new MemoryStream(bytes, writable: false), ct);
}
