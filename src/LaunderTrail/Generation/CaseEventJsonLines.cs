using System.Text.Json;
using LaunderTrail.Evidence;

namespace LaunderTrail.Generation;

/// <summary>Writes case events as interchange JSON Lines: one compact object per line, "\n" endings.</summary>
public static class CaseEventJsonLines
{
    private static readonly byte[] NewLine = "\n"u8.ToArray();

    /// <summary>Writes UTF-8 without a byte-order mark; returns the number of lines written.</summary>
    public static long Write(IEnumerable<CaseEvent> events, Stream utf8)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(utf8);
        long lines = 0;
        foreach (var e in events)
        {
            utf8.Write(JsonSerializer.SerializeToUtf8Bytes(e, e.GetType(), EvidenceJson.Options));
            utf8.Write(NewLine);
            lines++;
        }
        utf8.Flush();
        return lines;
    }

    /// <summary>The writer's own encoding applies; give it UTF-8 for an interchange file.</summary>
    public static long Write(IEnumerable<CaseEvent> events, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(writer);
        long lines = 0;
        foreach (var e in events)
        {
            writer.Write(JsonSerializer.Serialize(e, e.GetType(), EvidenceJson.Options));
            writer.Write('\n');
            lines++;
        }
        writer.Flush();
        return lines;
    }
}
