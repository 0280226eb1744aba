using System.Text.Json;
using LaunderTrail.Evidence;
using LaunderTrail.Tracing;

namespace LaunderTrail.Flows;

/// <summary>
/// Several flow reports of one case in one JSON object keyed by rule name (<c>{"fifo": {…}, "pro-rata": {…}, "libr": {…}}</c>),
/// in the order given, each report holding the very keys, order and numbers the interchange format writes
/// (<see cref="FlowReportJson"/>), only indented one level deeper.
/// </summary>
public static class ComparedReportsJson
{
    /// <param name="reports">Each rule with its report as the interchange format wrote it (UTF-8), read once, one at a time.</param>
    public static async Task WriteAsync(IEnumerable<(TracingRule Rule, Stream Written)> reports, Stream utf8Json, CancellationToken ct)
    {
        await using (var writer = new Utf8JsonWriter(utf8Json, EvidenceJson.ReportLayout))
        {
            writer.WriteStartObject();
            foreach (var (rule, written) in reports)
            {
                using var report = new MemoryStream();
                await using (written) await written.CopyToAsync(report, ct);
                writer.WritePropertyName(TracingRules.Name(rule));
                CopyTokens(report.GetBuffer().AsSpan(0, (int)report.Length), writer);
                await writer.FlushAsync(ct);
            }
            writer.WriteEndObject();
        }
        utf8Json.WriteByte((byte)'\n');
    }

    /// <summary>
    /// Copies a written report token by token, rather than parse it into a document or write a report a second way:
    /// numbers keep their written text, keys their order, and only one report's bytes are held at a time.
    /// </summary>
    private static void CopyTokens(ReadOnlySpan<byte> report, Utf8JsonWriter writer)
    {
        var reader = new Utf8JsonReader(report);
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject: writer.WriteStartObject(); break;
                case JsonTokenType.EndObject: writer.WriteEndObject(); break;
                case JsonTokenType.StartArray: writer.WriteStartArray(); break;
                case JsonTokenType.EndArray: writer.WriteEndArray(); break;
                case JsonTokenType.PropertyName:
                    if (reader.ValueIsEscaped) writer.WritePropertyName(reader.GetString()!);
                    else writer.WritePropertyName(reader.ValueSpan);
                    break;
                case JsonTokenType.String:
                    if (reader.ValueIsEscaped) writer.WriteStringValue(reader.GetString());
                    else writer.WriteStringValue(reader.ValueSpan);
                    break;
                case JsonTokenType.Number: writer.WriteRawValue(reader.ValueSpan, skipInputValidation: true); break;
                case JsonTokenType.True: writer.WriteBooleanValue(true); break;
                case JsonTokenType.False: writer.WriteBooleanValue(false); break;
                case JsonTokenType.Null: writer.WriteNullValue(); break;
                default: throw new InvalidDataException($"a written report holds an unexpected {reader.TokenType} token");
            }
        }
    }
}
