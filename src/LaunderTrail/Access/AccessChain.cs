using System.Text.Json;
using LaunderTrail.Court;
using LaunderTrail.Evidence;

namespace LaunderTrail.Access;

/// <summary>
/// The access log is chained like the evidence (<see cref="HashChain"/>): h(n) = SHA-256(h(n-1) ‖ record n), where a
/// record is {"seq":n,"access":{…}} written in a fixed key order, parameters sorted, since jsonb reorders keys. The
/// list access log (<see cref="CaseFiguresShown"/>) is chained the same way.
/// </summary>
public static class AccessChain
{
    public static byte[] Next(ReadOnlySpan<byte> previous, long seq, CaseAccessed access) =>
        HashChain.Next(previous, RecordBytes(seq, access with { Parameters = Sorted(access.Parameters) }));

    public static byte[] Next(ReadOnlySpan<byte> previous, long seq, CaseFiguresShown access) =>
        HashChain.Next(previous, RecordBytes(seq, access with { Parameters = Sorted(access.Parameters) }));

    private static SortedDictionary<string, string> Sorted(IReadOnlyDictionary<string, string> parameters) =>
        new(parameters.ToDictionary(), StringComparer.Ordinal);

    private static byte[] RecordBytes<T>(long seq, T canonical)
    {
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
    public static AccessRecord? FirstBroken(IEnumerable<AccessRecord> recordsInOrder) =>
        FirstBroken(recordsInOrder, r => r.Seq, r => r.Chain, (previous, seq, r) => Next(previous, seq, r.Access));

    /// <returns>The first entry of the list access log whose chain hash does not match, or null when it all holds.</returns>
    public static ListAccessRecord? FirstBroken(IEnumerable<ListAccessRecord> recordsInOrder) =>
        FirstBroken(recordsInOrder, r => r.Seq, r => r.Chain, (previous, seq, r) => Next(previous, seq, r.Access));

    private static T? FirstBroken<T>(IEnumerable<T> recordsInOrder, Func<T, long> seqOf, Func<T, string> chainOf,
        Func<byte[], long, T, byte[]> next) where T : class
    {
        var previous = HashChain.Genesis;
        var expectedSeq = 1L;
        foreach (var record in recordsInOrder)
        {
            var chain = next(previous, expectedSeq, record);
            if (seqOf(record) != expectedSeq || !string.Equals(HashChain.Hex(chain), chainOf(record), StringComparison.Ordinal))
                return record;
            previous = chain;
            expectedSeq++;
        }

        return null;
    }
}
