using System.Text.Json;
using System.Text.Json.Serialization;

namespace LaunderTrail.Evidence;

/// <summary>
/// Reads the instants of facts already in the store. They were checked when imported and written in
/// <see cref="InstantWithOffsetConverter.Format"/>, so the JSON reader's own ISO-8601 parser reads them straight
/// from their bytes: no string, no pattern match, no culture-aware parse, for each of a case's million facts.
/// </summary>
internal sealed class StoredInstantConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String && reader.TryGetDateTimeOffset(out var value)
            ? value
            : throw new JsonException("must be an ISO-8601 time with an offset, e.g. 2019-04-29T10:05:00+08:00");

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(InstantWithOffsetConverter.Render(value));
}
