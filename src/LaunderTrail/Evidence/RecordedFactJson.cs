using System.Text;
using System.Text.Json;

namespace LaunderTrail.Evidence;

/// <summary>A recorded fact read back from the JSON the event store (or a bundle's events file) holds.</summary>
public static class RecordedFactJson
{
    /// <summary>A recorded fact from its stored JSON text.</summary>
    public static CaseEvent Read(string json) => Read(Encoding.UTF8.GetBytes(json));

    /// <summary>A recorded fact from its stored JSON: the type named in it, then the fact as that type.</summary>
    public static CaseEvent Read(ReadOnlySpan<byte> utf8Json) => Read(utf8Json, EvidenceJson.Options);

    /// <summary>A recorded fact as tracing reads it (<see cref="EvidenceJson.ForTracing"/>).</summary>
    internal static CaseEvent ReadForTracing(ReadOnlySpan<byte> utf8Json) => Read(utf8Json, EvidenceJson.ForTracing);

    private static CaseEvent Read(ReadOnlySpan<byte> utf8Json, JsonSerializerOptions options) =>
        (CaseEvent)JsonSerializer.Deserialize(utf8Json, TypeOf(utf8Json), options)!;

    /// <summary>The record a stored fact's type names, found without allocating the name: it is read for every fact.</summary>
    private static Type TypeOf(ReadOnlySpan<byte> utf8Json)
    {
        Span<char> name = stackalloc char[64];
        var reader = new Utf8JsonReader(utf8Json);
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isType = reader.ValueTextEquals("type"u8);
            reader.Read();
            if (isType && reader.TokenType == JsonTokenType.String)
            {
                var known = !reader.HasValueSequence && reader.ValueSpan.Length <= name.Length
                    ? EvidenceTypes.TryFind(name[..reader.CopyString(name)], out var type)
                    : EvidenceTypes.TryFind(reader.GetString()!, out type);
                return known ? type : throw new InvalidDataException($"The event store holds a fact of unknown type '{reader.GetString()}'.");
            }

            reader.Skip();
        }

        throw new InvalidDataException("The event store holds a fact without a type.");
    }
}
