using System.Text.Encodings.Web;
using System.Text.Json;
using LaunderTrail.Evidence;
using LaunderTrail.Tracing;

namespace LaunderTrail.Court;

/// <summary>The JSON layout every bundle file shares: two-space indentation, "\n" line ends, text as written.</summary>
internal static class BundleJson
{
    public static readonly JsonWriterOptions WriterOptions = EvidenceJson.ReportLayout;

    public static void Write(Stream output, Action<Utf8JsonWriter> write)
    {
        using (var writer = new Utf8JsonWriter(output, WriterOptions)) write(writer);
        output.WriteByte((byte)'\n');
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
