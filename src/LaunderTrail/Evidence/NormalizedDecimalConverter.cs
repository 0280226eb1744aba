using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace LaunderTrail.Evidence;

/// <summary>
/// Reads amounts exactly or not at all, and writes them without trailing zeros (100.50 as 100.5), so that one
/// amount has one written form whatever scale it was read with; the canonical form and its hashes depend on that.
/// </summary>
public sealed class NormalizedDecimalConverter : JsonConverter<decimal>
{
    /// <summary>The significant digits a <see cref="decimal"/> always holds exactly; longer numbers may have been rounded.</summary>
    private const int ExactDigits = 28;

    public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.Number)
            throw new JsonException("must be a JSON number");
        if (!reader.TryGetDecimal(out var value))
            throw new JsonException("is out of range: amounts are greater than 0 and at most 1,000,000,000,000,000 (10^15)");
        // The reader rounds a number with more digits than a decimal holds; an amount is taken exactly or refused.
        if (reader.ValueSpan.Length > ExactDigits && SignificantDigits(reader.ValueSpan) > SignificantDigits(Written(value)))
            throw new JsonException("has more significant digits than an amount can hold exactly; amounts have at most 2 decimals");
        return value;
    }

    public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options) =>
        writer.WriteRawValue(Normalize(value).ToString(CultureInfo.InvariantCulture), skipInputValidation: true);

    public static decimal Normalize(decimal value) => value / 1.0000000000000000000000000000m;

    private static byte[] Written(decimal value) => System.Text.Encoding.ASCII.GetBytes(value.ToString(CultureInfo.InvariantCulture));

    /// <summary>The digits of a JSON number's mantissa between its first and last non-zero digit.</summary>
    private static int SignificantDigits(ReadOnlySpan<byte> number)
    {
        int first = -1, last = -1, position = 0;
        foreach (var b in number)
        {
            if (b is (byte)'e' or (byte)'E') break;
            if (b is < (byte)'0' or > (byte)'9') continue;
            if (b != (byte)'0')
            {
                if (first < 0) first = position;
                last = position;
            }

            position++;
        }

        return first < 0 ? 0 : last - first + 1;
    }
}
