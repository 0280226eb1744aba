using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using CommunityToolkit.HighPerformance.Buffers;

namespace LaunderTrail.Evidence;

/// <summary>
/// Reads strings through a bounded pool, so that the values a case repeats on every line (its number, the gang's
/// accounts, currencies, products) are one instance each instead of one per fact.
/// </summary>
internal sealed class PooledStringConverter : JsonConverter<string>
{
    // Enough for a case's busy accounts; the pool keeps the most recently used and lets the rest go.
    private readonly StringPool pool = new(4096);

    public override bool HandleNull => false;

    public override string Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String) throw new JsonException("must be a JSON string");
        return reader.ValueIsEscaped || reader.HasValueSequence
            ? reader.GetString()!
            : pool.GetOrAdd(reader.ValueSpan, Encoding.UTF8);
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value);
}
