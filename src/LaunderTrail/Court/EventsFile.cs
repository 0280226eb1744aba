using LaunderTrail.Evidence;

namespace LaunderTrail.Court;

/// <summary>
/// events.jsonl: every record of the bundle in recording order, one <see cref="EventLine"/> each, chained from
/// the genesis hash; its last chain hash is the bundle's chain head.
/// </summary>
internal static class EventsFile
{
    public static (byte[] Content, byte[] ChainHead) Render(IReadOnlyList<ChainedRecord> recordsInRecordingOrder)
    {
        using var buffer = new MemoryStream();
        var chain = HashChain.Genesis;
        foreach (var record in recordsInRecordingOrder)
        {
            var recordBytes = HashChain.RecordBytes(record.Seq, record.RecordedAt, CanonicalFact.Bytes(record.Fact));
            chain = HashChain.Next(chain, recordBytes);
            buffer.Write(EventLine.Render(recordBytes, chain));
        }
        return (buffer.ToArray(), chain);
    }
}
