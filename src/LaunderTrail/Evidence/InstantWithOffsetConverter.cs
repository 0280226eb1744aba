using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace LaunderTrail.Evidence;

/// <summary>
/// Reads only ISO-8601 times that state their offset (a time without one cannot be placed on the timeline)
/// and writes them back with the offset they came with.
/// </summary>
public sealed partial class InstantWithOffsetConverter : JsonConverter<DateTimeOffset>
{
    public const string Format = "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz";

    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
            throw new JsonException("must be an ISO-8601 time string with an offset, e.g. 2019-04-29T10:05:00+08:00");
        return Parse(reader.GetString()!) ??
               throw new JsonException("must be an ISO-8601 time with an offset, e.g. 2019-04-29T10:05:00+08:00");
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(Render(value));

    public static DateTimeOffset? Parse(string text)
    {
        if (!IsoWithOffset().IsMatch(text)) return null;
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value)
            ? value
            : null;
    }

    public static string Render(DateTimeOffset value) => value.ToString(Format, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex IsoWithOffset();
}
