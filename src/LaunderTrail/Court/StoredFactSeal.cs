using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace LaunderTrail.Court;

/// <summary>
/// Checks one stored event against what was recorded with it, on its own, so that a case's events are checked on
/// every core: its chain hash against the stored chain hash before it and its own record (<see cref="HashChain"/>),
/// which covers the fact's canonical bytes, and its fact against its digest. When every event of a case passes, in unbroken order from 1, the chain
/// recomputed from the genesis is the stored one, so the stored chain head stands for every fact before it.
/// </summary>
/// <remarks>
/// The canonical bytes are rebuilt from the bytes read (<see cref="StoredFactForm"/>), not by serialising a record
/// again: a tracing read checks a million facts, and the serialiser would have cost it more than the reading.
/// </remarks>
internal static class StoredFactSeal
{
    public const string DigestDiffers = "the stored fact differs from what was recorded (its digest does not match)";
    public const string ChainDiffers = "the chain hash does not match: the record, its time or an earlier one was changed";

    [ThreadStatic] private static ArrayBufferWriter<byte>? _record;
    [ThreadStatic] private static Utf8JsonWriter? _writer;

    /// <param name="digest">
    /// Whether to check the stored digest too when the chain link holds. A read that only uses the fact need not: the
    /// link covers the fact's canonical bytes already (a changed fact breaks it, and the digest is computed then to say
    /// so), and a changed digest alone changes no fact; <c>verify</c> checks it, since re-imports compare digests.
    /// </param>
    /// <returns>What is wrong with the stored event, or null when it is the event recorded in its place.</returns>
    public static string? Problem(StoredFact row, bool digest)
    {
        if (row.Problem is not null) return row.Problem;
        if (row.Digest is null || row.Chain is null || row.RecordedAt is null)
            return "its digest, chain hash or recording time is missing";
        Span<byte> storedDigest = stackalloc byte[32];
        Span<byte> chain = stackalloc byte[32];
        Span<byte> previous = stackalloc byte[32];
        if (!IsHash(row.Digest, storedDigest)) return "its stored digest is not a SHA-256 hash";
        if (!IsHash(row.Chain, chain)) return "its stored chain hash is not a SHA-256 hash";
        if (row.PreviousChain is null) HashChain.Genesis.CopyTo(previous);
        else if (!IsHash(row.PreviousChain, previous)) return "the chain hash stored before it is not a SHA-256 hash";

        // previous chain hash ‖ {"seq":n,"recordedAt":"…","fact":<canonical fact>}
        var record = _record ??= new ArrayBufferWriter<byte>(1024);
        record.ResetWrittenCount();
        record.Write(previous);
        Append(record, "{\"seq\":"u8);
        row.Version.TryFormat(record.GetSpan(20), out var digits, provider: CultureInfo.InvariantCulture);
        record.Advance(digits);
        Append(record, ",\"recordedAt\":\""u8);
        record.Advance(Encoding.UTF8.GetBytes(row.RecordedAt, record.GetSpan(Encoding.UTF8.GetMaxByteCount(row.RecordedAt.Length))));
        Append(record, "\",\"fact\":"u8);
        var factStart = record.WrittenCount;
        try
        {
            StoredFactForm.Write(row.Data, record, _writer ??= StoredFactForm.NewWriter(record));
        }
        catch (Exception e) when (e is InvalidDataException or JsonException or ArgumentException or InvalidOperationException)
        {
            return $"its stored fact cannot be read: {e.Message}";
        }

        var factLength = record.WrittenCount - factStart;
        Append(record, "}"u8);

        Span<byte> computed = stackalloc byte[32];
        SHA256.HashData(record.WrittenSpan, computed);
        var linked = computed.SequenceEqual(chain);
        if (linked && !digest) return null;
        SHA256.HashData(record.WrittenSpan.Slice(factStart, factLength), computed);
        return !computed.SequenceEqual(storedDigest) ? DigestDiffers : linked ? null : ChainDiffers;
    }

    private static void Append(ArrayBufferWriter<byte> buffer, ReadOnlySpan<byte> bytes) => buffer.Write(bytes);

    private static bool IsHash(string hex, Span<byte> hash) =>
        hex.Length == 64 && Convert.FromHexString(hex, hash, out _, out var written) == OperationStatus.Done && written == 32;
}
