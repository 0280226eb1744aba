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

    // A report of a million facts is tens of megabytes: it goes out in pieces of about this size, not as one buffer
    // (each piece flushes the stream below too, which costs a compressing stream a few bytes).
    private const int FlushEvery = 1 << 16;

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
        writer.WriteString(Names.Case, report.Case);
        if (report.AsOf is { } asOf) writer.WriteString(Names.AsOf, InstantWithOffsetConverter.Render(asOf));
        else writer.WriteNull(Names.AsOf);
        writer.WriteString(Names.Rule, TracingRules.Name(report.Rule));

        writer.WriteStartObject(Names.Totals);
        WriteMoney(writer, Names.VictimLoss, report.Totals.VictimLoss);
        WriteMoney(writer, Names.PrepaidFaceValue, report.Totals.PrepaidFaceValue);
        WriteMoney(writer, Names.PrepaidPaid, report.Totals.PrepaidPaid);
        WriteMoney(writer, Names.ResoldFaceValue, report.Totals.ResoldFaceValue);
        WriteMoney(writer, Names.ResaleCash, report.Totals.ResaleCash);
        WriteMoney(writer, Names.LaunderingCost, report.Totals.LaunderingCost);
        writer.WriteEndObject();

        writer.WriteStartArray(Names.Merchants);
        foreach (var merchant in report.Merchants) WriteMerchant(writer, merchant);
        writer.WriteEndArray();

        writer.WriteStartArray(Names.Victims);
        foreach (var victim in report.Victims)
        {
            WriteVictim(writer, victim);
            if (writer.BytesPending > FlushEvery) writer.Flush();
        }
        writer.WriteEndArray();

        writer.WriteStartArray(Names.Problems);
        foreach (var problem in report.Problems.OrderBy(p => p.Id, StringComparer.Ordinal))
        {
            writer.WriteStartObject();
            writer.WriteString(Names.Id, problem.Id);
            writer.WriteString(Names.Reason, problem.Reason);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();

        writer.WriteEndObject();
    }

    private static void WriteMerchant(Utf8JsonWriter writer, MerchantRow merchant)
    {
        writer.WriteStartObject();
        writer.WriteString(Names.Account, merchant.Account);
        writer.WriteString(Names.Holder, merchant.Holder);
        writer.WriteString(Names.Product, merchant.Product);
        WriteMoney(writer, Names.FaceValue, merchant.FaceValue);
        WriteMoney(writer, Names.Price, merchant.Price);
        writer.WritePropertyName(Names.DiscountRate);
        writer.WriteRawValue(Normalised(Money.ToRate(merchant.DiscountRate)));
        writer.WriteNumber(Names.Resales, merchant.Resales);
        writer.WriteEndObject();
    }

    private static void WriteVictim(Utf8JsonWriter writer, VictimRow victim)
    {
        writer.WriteStartObject();
        writer.WriteString(Names.Holder, victim.Holder);
        writer.WriteStartArray(Names.Accounts);
        foreach (var account in victim.Accounts) writer.WriteStringValue(account);
        writer.WriteEndArray();
        WriteMoney(writer, Names.Loss, victim.Loss);

        writer.WriteStartArray(Names.Reached);
        foreach (var reached in victim.Reached)
        {
            writer.WriteStartObject();
            writer.WriteString(Names.Account, reached.Account);
            writer.WriteString(Names.Holder, reached.Holder);
            WriteMoney(writer, Names.FaceValue, reached.FaceValue);
            WriteMoney(writer, Names.Cash, reached.Cash);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();

        writer.WriteStartArray(Names.Holdings);
        foreach (var holding in victim.Holdings)
        {
            writer.WriteStartObject();
            writer.WriteString(Names.Account, holding.Account);
            writer.WriteString(Names.Holder, holding.Holder);
            writer.WriteString(Names.Role, RoleNames.Of(holding.Role));
            WriteMoney(writer, Names.Cash, holding.Cash);
            WriteMoney(writer, Names.FaceValue, holding.FaceValue);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();

        writer.WriteEndObject();
    }

    private static void WriteMoney(Utf8JsonWriter writer, JsonEncodedText name, decimal amount)
    {
        // A report holds a few numbers per row and tens of thousands of rows: format straight into UTF-8.
        Span<byte> digits = stackalloc byte[40];
        if (!CentsText.TryWriteTwoDecimals(amount, digits, out var length))
            throw new InvalidOperationException($"{amount} does not fit the report's number format.");
        writer.WritePropertyName(name);
        writer.WriteRawValue(digits[..length], skipInputValidation: true);
    }

    private static string Normalised(decimal rate) => rate.ToString("0.####", CultureInfo.InvariantCulture);

    /// <summary>The report's keys, encoded once.</summary>
    private static class Names
    {
        public static readonly JsonEncodedText Case = JsonEncodedText.Encode("case");
        public static readonly JsonEncodedText AsOf = JsonEncodedText.Encode("asOf");
        public static readonly JsonEncodedText Rule = JsonEncodedText.Encode("rule");
        public static readonly JsonEncodedText Totals = JsonEncodedText.Encode("totals");
        public static readonly JsonEncodedText VictimLoss = JsonEncodedText.Encode("victimLoss");
        public static readonly JsonEncodedText PrepaidFaceValue = JsonEncodedText.Encode("prepaidFaceValue");
        public static readonly JsonEncodedText PrepaidPaid = JsonEncodedText.Encode("prepaidPaid");
        public static readonly JsonEncodedText ResoldFaceValue = JsonEncodedText.Encode("resoldFaceValue");
        public static readonly JsonEncodedText ResaleCash = JsonEncodedText.Encode("resaleCash");
        public static readonly JsonEncodedText LaunderingCost = JsonEncodedText.Encode("launderingCost");
        public static readonly JsonEncodedText Merchants = JsonEncodedText.Encode("merchants");
        public static readonly JsonEncodedText Victims = JsonEncodedText.Encode("victims");
        public static readonly JsonEncodedText Problems = JsonEncodedText.Encode("problems");
        public static readonly JsonEncodedText Id = JsonEncodedText.Encode("id");
        public static readonly JsonEncodedText Reason = JsonEncodedText.Encode("reason");
        public static readonly JsonEncodedText Account = JsonEncodedText.Encode("account");
        public static readonly JsonEncodedText Holder = JsonEncodedText.Encode("holder");
        public static readonly JsonEncodedText Product = JsonEncodedText.Encode("product");
        public static readonly JsonEncodedText FaceValue = JsonEncodedText.Encode("faceValue");
        public static readonly JsonEncodedText Price = JsonEncodedText.Encode("price");
        public static readonly JsonEncodedText DiscountRate = JsonEncodedText.Encode("discountRate");
        public static readonly JsonEncodedText Resales = JsonEncodedText.Encode("resales");
        public static readonly JsonEncodedText Accounts = JsonEncodedText.Encode("accounts");
        public static readonly JsonEncodedText Loss = JsonEncodedText.Encode("loss");
        public static readonly JsonEncodedText Reached = JsonEncodedText.Encode("reached");
        public static readonly JsonEncodedText Cash = JsonEncodedText.Encode("cash");
        public static readonly JsonEncodedText Holdings = JsonEncodedText.Encode("holdings");
        public static readonly JsonEncodedText Role = JsonEncodedText.Encode("role");
    }
}
