using System.Text.Json;
using LaunderTrail.Court;
using LaunderTrail.Evidence;

namespace LaunderTrail.Access;

/// <summary>
/// The access log is chained like the evidence (<see cref="HashChain"/>): h(n) = SHA-256(h(n-1) ‖ record n), where a
/// record is {"seq":n,"access":{…}} written in a fixed key order, parameters sorted, since jsonb reorders keys.
/// </summary>
public static class AccessChain
{
    public static byte[] Next(ReadOnlySpan<byte> previous, long seq, CaseAccessed access) =>
        HashChain.Next(previous, RecordBytes(seq, access));

    private static byte[] RecordBytes(long seq, CaseAccessed access)
    {
        var canonical = access with
        {
            Parameters = new SortedDictionary<string, string>(access.Parameters.ToDictionary(), StringComparer.Ordinal),
        };
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("seq", seq);
            writer.WritePropertyName("access");
            JsonSerializer.Serialize(writer, canonical, EvidenceJson.Options);
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <returns>The first record whose chain hash does not match, or null when the whole log holds.</returns>
    public static AccessRecord? FirstBroken(IEnumerable<AccessRecord> recordsInOrder)
    {
        var previous = HashChain.Genesis;
        var expectedSeq = 1L;
        foreach (var record in recordsInOrder)
        {
            var chain = Next(previous, expectedSeq, record.Access);
            if (record.Seq != expectedSeq || !string.Equals(HashChain.Hex(chain), record.Chain, StringComparison.Ordinal))
                return record;
            previous = chain;
            expectedSeq++;
        }

        return null;
    }
}
