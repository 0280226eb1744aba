using System.Text.Encodings.Web;
using System.Text.Json;
using LaunderTrail.Evidence;
using LaunderTrail.Tracing;

namespace LaunderTrail.Court;

/// <summary>The JSON layout every bundle file shares: two-space indentation, "\n" line ends, text as written.</summary>
internal static class BundleJson
{
    public static readonly JsonWriterOptions WriterOptions = EvidenceJson.ReportLayout;

    public static byte[] Write(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions)) write(writer);
        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    public static void WriteMoment(Utf8JsonWriter writer, string name, DateTimeOffset? moment)
    {
        if (moment is { } value) writer.WriteString(name, InstantWithOffsetConverter.Render(value));
        else writer.WriteNull(name);
    }

    /// <summary>The rules the figures are traced under, by name, in the order the files show them.</summary>
    public static void WriteRules(Utf8JsonWriter writer, BundleParameters parameters)
    {
        writer.WriteStartArray("rules");
        foreach (var rule in parameters.Rules) writer.WriteStringValue(TracingRules.Name(rule));
        writer.WriteEndArray();
    }
}
