using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using LaunderTrail.Evidence;

namespace LaunderTrail.Tracing;

/// <summary>
/// Writes the flow report exactly as INTERCHANGE.md shows it: keys in its order, two-space indentation, "\n"
/// line ends and a final newline, money to two decimals and discount rates to at most four, whatever the
/// culture or time zone of the machine.
/// </summary>
public static class FlowReportJson
{
    private static readonly JsonWriterOptions WriterOptions = EvidenceJson.ReportLayout;

    public static string Write(FlowReport report) => Encoding.UTF8.GetString(Utf8(report));

    public static byte[] Utf8(FlowReport report)
    {
        using var buffer = new MemoryStream();
        Write(report, buffer);
        return buffer.ToArray();
    }

    public static void Write(FlowReport report, Stream utf8Json)
    {
        using (var writer = new Utf8JsonWriter(utf8Json, WriterOptions))
        {
            WriteReport(writer, report);
        }
        utf8Json.WriteByte((byte)'\n');
    }

    private static void WriteReport(Utf8JsonWriter writer, FlowReport report)
    {
        writer.WriteStartObject();
        writer.WriteString("case", report.Case);
        if (report.AsOf is { } asOf) writer.WriteString("asOf", InstantWithOffsetConverter.Render(asOf));
        else writer.WriteNull("asOf");
        writer.WriteString("rule", TracingRules.Name(report.Rule));

        writer.WriteStartObject("totals");
        WriteMoney(writer, "victimLoss", report.Totals.VictimLoss);
        WriteMoney(writer, "prepaidFaceValue", report.Totals.PrepaidFaceValue);
        WriteMoney(writer, "prepaidPaid", report.Totals.PrepaidPaid);
        WriteMoney(writer, "resoldFaceValue", report.Totals.ResoldFaceValue);
        WriteMoney(writer, "resaleCash", report.Totals.ResaleCash);
        WriteMoney(writer, "launderingCost", report.Totals.LaunderingCost);
        writer.WriteEndObject();

        writer.WriteStartArray("merchants");
        foreach (var merchant in report.Merchants) WriteMerchant(writer, merchant);
        writer.WriteEndArray();

        writer.WriteStartArray("victims");
        foreach (var victim in report.Victims) WriteVictim(writer, victim);
        writer.WriteEndArray();

        writer.WriteStartArray("problems");
        foreach (var problem in report.Problems.OrderBy(p => p.Id, StringComparer.Ordinal))
        {
            writer.WriteStartObject();
            writer.WriteString("id", problem.Id);
            writer.WriteString("reason", problem.Reason);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();

        writer.WriteEndObject();
    }

    private static void WriteMerchant(Utf8JsonWriter writer, MerchantRow merchant)
    {
        writer.WriteStartObject();
        writer.WriteString("account", merchant.Account);
        writer.WriteString("holder", merchant.Holder);
        writer.WriteString("product", merchant.Product);
        WriteMoney(writer, "faceValue", merchant.FaceValue);
        WriteMoney(writer, "price", merchant.Price);
        writer.WritePropertyName("discountRate");
        writer.WriteRawValue(Normalised(Money.ToRate(merchant.DiscountRate)));
        writer.WriteNumber("resales", merchant.Resales);
        writer.WriteEndObject();
    }

    private static void WriteVictim(Utf8JsonWriter writer, VictimRow victim)
    {
        writer.WriteStartObject();
        writer.WriteString("holder", victim.Holder);
        writer.WriteStartArray("accounts");
        foreach (var account in victim.Accounts) writer.WriteStringValue(account);
        writer.WriteEndArray();
        WriteMoney(writer, "loss", victim.Loss);

        writer.WriteStartArray("reached");
        foreach (var reached in victim.Reached)
        {
            writer.WriteStartObject();
            writer.WriteString("account", reached.Account);
            writer.WriteString("holder", reached.Holder);
            WriteMoney(writer, "faceValue", reached.FaceValue);
            WriteMoney(writer, "cash", reached.Cash);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();

        writer.WriteStartArray("holdings");
        foreach (var holding in victim.Holdings)
        {
            writer.WriteStartObject();
            writer.WriteString("account", holding.Account);
            writer.WriteString("holder", holding.Holder);
            writer.WriteString("role", RoleNames.Of(holding.Role));
            WriteMoney(writer, "cash", holding.Cash);
            WriteMoney(writer, "faceValue", holding.FaceValue);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();

        writer.WriteEndObject();
    }

    private static void WriteMoney(Utf8JsonWriter writer, string name, decimal amount)
    {
        // A report holds a few numbers per row and tens of thousands of rows: format straight into UTF-8.
        Span<byte> digits = stackalloc byte[40];
        if (!Money.ToCents(amount).TryFormat(digits, out var length, "0.00", CultureInfo.InvariantCulture))
            throw new InvalidOperationException($"{amount} does not fit the report's number format.");
        writer.WritePropertyName(name);
        writer.WriteRawValue(digits[..length], skipInputValidation: true);
    }

    private static string Normalised(decimal rate) => rate.ToString("0.####", CultureInfo.InvariantCulture);
}
