using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace LaunderTrail.Evidence;

/// <summary>
/// Writes amounts without trailing zeros (100.50 as 100.5), so that one amount has one written form
/// whatever scale it was read with; the canonical form and its hashes depend on that.
/// </summary>
public sealed class NormalizedDecimalConverter : JsonConverter<decimal>
{
    public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.Number || !reader.TryGetDecimal(out var value))
            throw new JsonException("must be a JSON number");
        return value;
    }

    public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options) =>
        writer.WriteRawValue(Normalize(value).ToString(CultureInfo.InvariantCulture), skipInputValidation: true);

    public static decimal Normalize(decimal value) => value / 1.0000000000000000000000000000m;
}
