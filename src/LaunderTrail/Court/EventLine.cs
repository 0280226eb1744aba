using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using LaunderTrail.Evidence;

namespace LaunderTrail.Court;

/// <summary>
/// One line of events.jsonl: the chained record's bytes with the chain hash added as a last key,
/// <c>{"seq":n,"recordedAt":"…Z","fact":{…},"chain":"hex"}</c>. Cutting the fixed-length
/// <c>,"chain":"…"</c> tail off the line gives back exactly the bytes that were hashed.
/// </summary>
public static partial class EventLine
{

    public static byte[] Render(byte[] recordBytes, ReadOnlySpan<byte> chain)
    {
        var tail = Encoding.UTF8.GetBytes($",\"chain\":\"{HashChain.Hex(chain)}\"}}\n");
        var line = new byte[recordBytes.Length - 1 + tail.Length];
        recordBytes.AsSpan(0, recordBytes.Length - 1).CopyTo(line);
        tail.CopyTo(line, recordBytes.Length - 1);
        return line;
    }

    /// <summary>Reads a line back into its record, the hashed bytes and the chain hash it states.</summary>
    /// <exception cref="InvalidDataException">The line is not a record in the form <see cref="Render"/> writes.</exception>
    public static (ChainedRecord Record, byte[] RecordBytes, string StatedChain) Parse(string line)
    {
        var tail = ChainTail().Match(line);
        if (!tail.Success)
            throw new InvalidDataException("does not end with a \"chain\" key holding 64 lower-case hex digits");
        var recordBytes = Encoding.UTF8.GetBytes(line[..tail.Index] + "}");

        ChainedRecord record;
        string factText;
        try
        {
            using var document = JsonDocument.Parse(recordBytes);
            var root = document.RootElement;
            var seq = root.GetProperty("seq").GetInt64();
            var recordedAt = HashChain.ParseRecordedAt(root.GetProperty("recordedAt").GetString()!);
            factText = root.GetProperty("fact").GetRawText();
            record = new ChainedRecord(seq, recordedAt, RecordedFactJson.Read(factText));
        }
        catch (Exception e) when (e is JsonException or FormatException or KeyNotFoundException or InvalidOperationException)
        {
            throw new InvalidDataException($"is not a readable record: {e.Message}", e);
        }

        var factBytes = Encoding.UTF8.GetBytes(factText);
        if (!factBytes.AsSpan().SequenceEqual(CanonicalFact.Bytes(record.Fact)))
            throw new InvalidDataException("its fact is not written in canonical form");
        if (!recordBytes.AsSpan().SequenceEqual(HashChain.RecordBytes(record.Seq, record.RecordedAt, factBytes)))
            throw new InvalidDataException("is not written in the record form {\"seq\",\"recordedAt\",\"fact\",\"chain\"}");
        return (record, recordBytes, tail.Groups["chain"].Value);
    }

    [GeneratedRegex(@",""chain"":""(?<chain>[0-9a-f]{64})""\}$")]
    private static partial Regex ChainTail();
}
