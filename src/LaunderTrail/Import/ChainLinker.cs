using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json;
using LaunderTrail.Court;

namespace LaunderTrail.Import;

/// <summary>
/// Makes the links of the hash chain for one import, exactly as <see cref="HashChain.Next(ReadOnlySpan{byte}, ReadOnlySpan{byte})"/>
/// over <see cref="HashChain.RecordBytes"/> does, reusing one hash, one buffer and one JSON writer for every fact
/// instead of making them anew: the chain is the only per-fact work that must stay in order, on one thread.
/// Not thread-safe.
/// </summary>
internal sealed class ChainLinker(DateTimeOffset recordedAt) : IDisposable
{
    private readonly string _recordedAt = HashChain.RenderRecordedAt(recordedAt);
    private readonly IncrementalHash _sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly ArrayBufferWriter<byte> _record = new(1024);
    private Utf8JsonWriter? _writer;

    /// <summary>Writes h(seq) = SHA-256(h(seq-1) ‖ record bytes) into <paramref name="link"/>, 32 bytes.</summary>
    public void Next(ReadOnlySpan<byte> previous, long seq, ReadOnlySpan<byte> canonicalFact, Span<byte> link)
    {
        _record.ResetWrittenCount();
        if (_writer is null) _writer = new Utf8JsonWriter(_record);
        else _writer.Reset(_record);
        _writer.WriteStartObject();
        _writer.WriteNumber("seq", seq);
        _writer.WriteString("recordedAt", _recordedAt);
        _writer.WritePropertyName("fact");
        _writer.WriteRawValue(canonicalFact, skipInputValidation: true);
        _writer.WriteEndObject();
        _writer.Flush();
        _sha.AppendData(previous);
        _sha.AppendData(_record.WrittenSpan);
        _sha.GetHashAndReset(link);
    }

    public void Dispose()
    {
        _writer?.Dispose();
        _sha.Dispose();
    }
}
