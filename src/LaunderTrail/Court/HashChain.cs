using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using LaunderTrail.Evidence;

namespace LaunderTrail.Court;

/// <summary>
/// Each case's facts are chained in recording order: h(n) = SHA-256(h(n-1) ‖ canonical bytes of record n),
/// h(0) = 32 zero bytes. A record is the fact's canonical form with its place in the case and the moment it
/// was recorded, so neither the fact, its order nor its recording time can change unnoticed.
/// </summary>
public static class HashChain
{
    public static readonly byte[] Genesis = new byte[32];

    /// <summary>The record's canonical bytes: {"seq":n,"recordedAt":"…Z","fact":{canonical fact}}.</summary>
    public static byte[] RecordBytes(long seq, DateTimeOffset recordedAt, ReadOnlySpan<byte> canonicalFact)
    {
        using var buffer = new MemoryStream(canonicalFact.Length + 80);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("seq", seq);
            writer.WriteString("recordedAt", RenderRecordedAt(recordedAt));
            writer.WritePropertyName("fact");
            writer.WriteRawValue(canonicalFact, skipInputValidation: true);
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    public static byte[] Next(ReadOnlySpan<byte> previous, ReadOnlySpan<byte> recordBytes)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(previous);
        sha.AppendData(recordBytes);
        return sha.GetHashAndReset();
    }

    public static byte[] Next(ReadOnlySpan<byte> previous, long seq, DateTimeOffset recordedAt, CaseEvent fact) =>
        Next(previous, RecordBytes(seq, recordedAt, CanonicalFact.Bytes(fact)));

    /// <summary>Recording times are kept to the microsecond, PostgreSQL's precision, and shown in UTC.</summary>
    public static DateTimeOffset TruncateToStoredPrecision(DateTimeOffset moment) =>
        new DateTimeOffset(moment.UtcTicks - moment.UtcTicks % 10, TimeSpan.Zero);

    private const string RecordedAtFormat = "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'";

    public static string RenderRecordedAt(DateTimeOffset recordedAt) =>
        recordedAt.UtcDateTime.ToString(RecordedAtFormat, CultureInfo.InvariantCulture);

    /// <exception cref="FormatException">The text is not a recording time as <see cref="RenderRecordedAt"/> writes it.</exception>
    public static DateTimeOffset ParseRecordedAt(string text) =>
        DateTimeOffset.ParseExact(text, RecordedAtFormat, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    /// <returns>The recording time, or null when the text is not one as <see cref="RenderRecordedAt"/> writes it.</returns>
    public static DateTimeOffset? TryParseRecordedAt(string text) =>
        DateTimeOffset.TryParseExact(text, RecordedAtFormat, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var moment) ? moment : null;

    public static string Hex(ReadOnlySpan<byte> hash) => Convert.ToHexStringLower(hash);
}
