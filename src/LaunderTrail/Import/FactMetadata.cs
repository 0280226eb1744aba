using System.Text.Json;
using LaunderTrail.Court;

namespace LaunderTrail.Import;

/// <summary>
/// The headers LaunderTrail records beside each fact: its content digest and chain hash (the tamper evidence),
/// the source line it came from and when it was recorded. Who recorded it and the import batch go in Marten's
/// user name and correlation id columns.
/// </summary>
internal sealed record FactMetadata(string Digest, string Chain, string Origin, DateTimeOffset RecordedAt)
{
    private const string DigestHeader = "digest";
    private const string ChainHeader = "chain";
    private const string OriginHeader = "origin";

    /// <summary>
    /// The recording time the chain covers, also in the event's timestamp column; readers of the chain take it from
    /// the header, in the exact text the chain hashed.
    /// </summary>
    private const string RecordedAtHeader = "recordedAt";

    /// <summary>Marten's event headers (a JSON object) holding the digest, the chain hash, the origin and the recording time.</summary>
    public byte[] HeadersJson()
    {
        using var buffer = new MemoryStream(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString(DigestHeader, Digest);
            writer.WriteString(ChainHeader, Chain);
            writer.WriteString(OriginHeader, Origin);
            writer.WriteString(RecordedAtHeader, HashChain.RenderRecordedAt(RecordedAt));
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
