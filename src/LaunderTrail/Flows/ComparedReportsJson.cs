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
    public static void Write(IReadOnlyList<FlowReport> reports, Stream utf8Json)
    {
        using (var writer = new Utf8JsonWriter(utf8Json, EvidenceJson.ReportLayout))
        {
            writer.WriteStartObject();
            foreach (var report in reports)
            {
                // Read back what the interchange writer wrote, rather than write a report a second way: numbers keep
                // their written text, keys their order.
                using var written = JsonDocument.Parse(FlowReportJson.Utf8(report));
                writer.WritePropertyName(TracingRules.Name(report.Rule));
                written.RootElement.WriteTo(writer);
            }
            writer.WriteEndObject();
        }
        utf8Json.WriteByte((byte)'\n');
    }
}
