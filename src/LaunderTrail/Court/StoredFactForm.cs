using System.Buffers;
using System.Collections.Frozen;
using System.Text.Json;
using LaunderTrail.Evidence;

namespace LaunderTrail.Court;

/// <summary>
/// The canonical bytes of a fact (<see cref="CanonicalFact"/>) rebuilt straight from the JSON the event table returns,
/// without making the fact a record and serialising it again. PostgreSQL's <c>jsonb</c> gives the recorded canonical
/// bytes back with its own key order and spacing, so the keys are put back in the canonical order of the fact's type
/// and every value is copied as stored: strings escaped as the canonical form escapes them, numbers in the digits
/// stored. A stored fact whose rebuilt bytes hash to its recorded digest is therefore exactly the fact recorded, and
/// one with a key its type does not have, a key twice, or a value written differently (1990.0 for 1990, a time in
/// another notation) does not match.
/// </summary>
internal static class StoredFactForm
{
    // A fact has at most id, case, type, at, its own fields, currency, source and note: 16 is room to spare.
    private const int MaxKeys = 24;

    private static readonly FrozenDictionary<string, byte[][]> KeysByType = EvidenceTypes.All.ToFrozenDictionary(
        EvidenceTypes.NameOf,
        type => EvidenceJson.Options.GetTypeInfo(type).Properties.Select(p => System.Text.Encoding.UTF8.GetBytes(p.Name)).ToArray(),
        StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, byte[][]>.AlternateLookup<ReadOnlySpan<char>> KeysBySpelling =
        KeysByType.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly JsonWriterOptions CanonicalWriting = new()
    {
        Encoder = EvidenceJson.Options.Encoder,
        SkipValidation = true,
    };

    private readonly record struct Slot(int KeyStart, int KeyLength, bool KeyEscaped, int ValueStart, int ValueLength);

    /// <summary>Appends the canonical bytes of the stored fact to <paramref name="output"/>.</summary>
    /// <exception cref="InvalidDataException">The stored JSON is not a fact of a known type with only its type's keys, once each.</exception>
    public static void Write(ReadOnlySpan<byte> stored, IBufferWriter<byte> output, Utf8JsonWriter writer)
    {
        Span<Slot> slots = stackalloc Slot[MaxKeys];
        var count = 0;
        var typeSlot = -1;
        var reader = new Utf8JsonReader(stored);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) throw new InvalidDataException("it is not a JSON object");
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (count == MaxKeys) throw new InvalidDataException($"it has more than {MaxKeys} keys");
            var keyStart = (int)reader.TokenStartIndex + 1;
            var keyLength = reader.ValueSpan.Length;
            var keyEscaped = reader.ValueIsEscaped;
            if (!keyEscaped && reader.ValueTextEquals("type"u8)) typeSlot = count;
            reader.Read();
            var valueStart = (int)reader.TokenStartIndex;
            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray) reader.Skip();
            slots[count++] = new Slot(keyStart, keyLength, keyEscaped, valueStart, (int)reader.BytesConsumed - valueStart);
        }

        if (typeSlot < 0) throw new InvalidDataException("it has no type");
        var keys = KeysOf(stored, slots[typeSlot]);
        Span<sbyte> order = stackalloc sbyte[keys.Length];
        order.Fill(-1);
        for (var s = 0; s < count; s++)
        {
            var key = stored.Slice(slots[s].KeyStart, slots[s].KeyLength);
            var k = slots[s].KeyEscaped ? -1 : IndexOf(keys, key);
            if (k < 0) throw new InvalidDataException($"it has a key its type does not have: {System.Text.Encoding.UTF8.GetString(key)}");
            if (order[k] >= 0) throw new InvalidDataException($"it has the key {System.Text.Encoding.UTF8.GetString(key)} twice");
            order[k] = (sbyte)s;
        }

        writer.Reset(output);
        writer.WriteStartObject();
        for (var k = 0; k < keys.Length; k++)
        {
            if (order[k] < 0) continue;
            var slot = slots[order[k]];
            writer.WritePropertyName(keys[k]);
            var value = new Utf8JsonReader(stored.Slice(slot.ValueStart, slot.ValueLength));
            value.Read();
            CopyValue(ref value, writer);
        }

        writer.WriteEndObject();
        writer.Flush();
    }

    /// <summary>The stored fact's id, to name it in a refusal; "?" when it has none that can be read.</summary>
    public static string IdOf(ReadOnlySpan<byte> stored)
    {
        try
        {
            var reader = new Utf8JsonReader(stored);
            reader.Read();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isId = reader.ValueTextEquals("id"u8);
                reader.Read();
                if (isId && reader.TokenType == JsonTokenType.String) return reader.GetString()!;
                reader.Skip();
            }
        }
        catch (JsonException)
        {
        }

        return "?";
    }

    /// <summary>The canonical keys of the type the slot names, in canonical order.</summary>
    private static byte[][] KeysOf(ReadOnlySpan<byte> stored, Slot typeSlot)
    {
        var reader = new Utf8JsonReader(stored.Slice(typeSlot.ValueStart, typeSlot.ValueLength));
        reader.Read();
        if (reader.TokenType != JsonTokenType.String) throw new InvalidDataException("its type is not a string");
        Span<char> name = stackalloc char[64];
        var known = !reader.ValueIsEscaped && reader.ValueSpan.Length <= name.Length
            ? KeysBySpelling.TryGetValue(name[..reader.CopyString(name)], out var keys)
            : KeysByType.TryGetValue(reader.GetString()!, out keys);
        return known ? keys! : throw new InvalidDataException($"its type '{reader.GetString()}' is not a fact type");
    }

    private static int IndexOf(byte[][] keys, ReadOnlySpan<byte> key)
    {
        for (var k = 0; k < keys.Length; k++)
            if (key.SequenceEqual(keys[k])) return k;
        return -1;
    }

    private static void CopyValue(ref Utf8JsonReader reader, Utf8JsonWriter writer)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String when reader.ValueIsEscaped:
                var unescaped = ArrayPool<byte>.Shared.Rent(reader.ValueSpan.Length);
                try
                {
                    writer.WriteStringValue(unescaped.AsSpan(0, reader.CopyString(unescaped)));
                }
                finally
                {
                    ArrayPool<byte>.Shared.Return(unescaped);
                }

                break;
            case JsonTokenType.String:
                writer.WriteStringValue(reader.ValueSpan);
                break;
            case JsonTokenType.Number:
                writer.WriteRawValue(reader.ValueSpan, skipInputValidation: true);
                break;
            case JsonTokenType.True or JsonTokenType.False:
                writer.WriteBooleanValue(reader.TokenType == JsonTokenType.True);
                break;
            case JsonTokenType.Null:
                writer.WriteNullValue();
                break;
            case JsonTokenType.StartArray:
                writer.WriteStartArray();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray) CopyValue(ref reader, writer);
                writer.WriteEndArray();
                break;
            default:
                throw new InvalidDataException("it holds an object where a fact has none");
        }
    }

    /// <summary>A writer for <see cref="Write"/>, to be reused by one thread.</summary>
    public static Utf8JsonWriter NewWriter(IBufferWriter<byte> output) => new(output, CanonicalWriting);
}
