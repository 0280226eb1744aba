using System.Buffers;
using System.Text.Json;

namespace LaunderTrail.Import;

/// <summary>
/// The headers LaunderTrail records beside each fact, as Marten's event headers (a JSON object): its content digest
/// and chain hash (the tamper evidence), the source line it came from and when it was recorded. Who recorded it and
/// the import batch go in Marten's user name and correlation id columns.
/// Everything but the chain hash is known from the line alone, so the checking pass writes the whole object on
/// every core with a placeholder for the chain, and the writer, which alone knows the chain, fills it in place.
/// </summary>
internal static class FactHeaders
{
    private const string DigestHeader = "digest";
    private const string ChainHeader = "chain";
    private const string OriginHeader = "origin";

    /// <summary>
    /// The recording time the chain covers, also in the event's timestamp column; readers of the chain take it from
    /// the header, in the exact text the chain hashed.
    /// </summary>
    private const string RecordedAtHeader = "recordedAt";

    private const int HexLength = 64;

    /// <summary>Where the chain's hex digits start: after <c>{"digest":"</c>, the digest's 64 hex digits and <c>","chain":"</c>.</summary>
    private static readonly int ChainAt = $"{{\"{DigestHeader}\":\"".Length + HexLength + $"\",\"{ChainHeader}\":\"".Length;

    /// <summary>The headers with the chain hash still to be filled by <see cref="FillChain"/>.</summary>
    public static byte[] Template(ReadOnlySpan<byte> digest, string origin, string recordedAt)
    {
        Span<char> hex = stackalloc char[HexLength];
        var buffer = new ArrayBufferWriter<byte>(192 + origin.Length);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            Convert.TryToHexStringLower(digest, hex, out _);
            writer.WriteString(DigestHeader, hex);
            hex.Fill('0');
            writer.WriteString(ChainHeader, hex);
            writer.WriteString(OriginHeader, origin);
            writer.WriteString(RecordedAtHeader, recordedAt);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Writes the chain hash's lowercase hex digits into a template, in place.</summary>
    public static void FillChain(byte[] template, ReadOnlySpan<byte> chain)
    {
        var digits = template.AsSpan(ChainAt, HexLength);
        for (var i = 0; i < chain.Length; i++)
        {
            digits[2 * i] = (byte)"0123456789abcdef"[chain[i] >> 4];
            digits[2 * i + 1] = (byte)"0123456789abcdef"[chain[i] & 0xF];
        }
    }
}
