using System.Globalization;
using System.Text.Json;
using LaunderTrail.Evidence;
using LaunderTrail.Tracing;

namespace LaunderTrail.Court;

/// <summary>
/// timeline.json: the timeline's events in timeline order, each with its canonical fact and what the timeline
/// says of it, and the flow report under each of the bundle's rules exactly as <see cref="FlowReportJson"/> writes it.
/// </summary>
internal static class TimelineJson
{
    public static void Write(TimelineModel model, Stream output) => BundleJson.Write(output, writer =>
    {
        writer.WriteStartObject();
        writer.WriteString("case", model.Parameters.Case);
        BundleJson.WriteMoment(writer, "asOf", model.Parameters.AsOf);
        BundleJson.WriteMoment(writer, "knownAt", model.Parameters.KnownAt);
        BundleJson.WriteRules(writer, model.Parameters);
        writer.WriteString("chainHead", HashChain.Hex(model.ChainHead));

        writer.WriteStartArray("events");
        foreach (var entry in model.Entries)
        {
            WriteEntry(writer, entry);
            BundleOutput.FlushIfFull(writer);
        }
        writer.WriteEndArray();

        writer.WriteStartObject("reports");
        foreach (var report in model.Reports)
        {
            writer.WritePropertyName(TracingRules.Name(report.Rule));
            writer.WriteRawValue(FlowReportJson.Write(report).TrimEnd('\n'), skipInputValidation: true);
        }
        writer.WriteEndObject();
        writer.WriteEndObject();
    });

    private static void WriteEntry(Utf8JsonWriter writer, TimelineEntry entry)
    {
        writer.WriteStartObject();
        writer.WriteNumber("seq", entry.Record.Seq);
        writer.WriteString("recordedAt", HashChain.RenderRecordedAt(entry.Record.RecordedAt));
        writer.WriteString("description", entry.Description);
        writer.WriteStartArray("retractedBy");
        foreach (var retraction in entry.RetractedBy)
        {
            writer.WriteStartObject();
            writer.WriteString("id", retraction.Id);
            writer.WriteString("reason", retraction.Reason);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        if (entry.LeftOut is { } reason) writer.WriteString("leftOut", reason);
        else writer.WriteNull("leftOut");
        if (entry.DiscountRate is { } rate)
        {
            writer.WritePropertyName("discountRate");
            writer.WriteRawValue(Money.ToRate(rate).ToString("0.####", CultureInfo.InvariantCulture));
        }
        else writer.WriteNull("discountRate");
        writer.WriteStartArray("runningLoss");
        foreach (var (holder, loss) in entry.RunningLosses)
        {
            writer.WriteStartObject();
            writer.WriteString("holder", holder);
            writer.WritePropertyName("loss");
            writer.WriteRawValue(Money.ToCents(loss).ToString("0.00", CultureInfo.InvariantCulture));
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WritePropertyName("fact");
        writer.WriteRawValue(CanonicalFact.Bytes(entry.Record.Fact), skipInputValidation: true);
        writer.WriteEndObject();
    }
}
