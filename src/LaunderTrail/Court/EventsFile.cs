using LaunderTrail.Evidence;

namespace LaunderTrail.Court;

/// <summary>
/// events.jsonl: every record of the bundle in recording order, one <see cref="EventLine"/> each, chained from
/// the genesis hash; its last chain hash is the bundle's chain head.
/// </summary>
internal static class EventsFile
{
    /// <returns>The chain head.</returns>
    public static byte[] Write(IReadOnlyList<ChainedRecord> recordsInRecordingOrder, Stream output)
    {
        var chain = HashChain.Genesis;
        foreach (var record in recordsInRecordingOrder)
        {
            var recordBytes = HashChain.RecordBytes(record.Seq, record.RecordedAt, CanonicalFact.Bytes(record.Fact));
            chain = HashChain.Next(chain, recordBytes);
            output.Write(EventLine.Render(recordBytes, chain));
        }
        return chain;
    }
}
