using System.Buffers;
using System.Text;
using System.Text.Json;
using FluentValidation;
using LaunderTrail.Evidence;
using LaunderTrail.Import.Validation;

namespace LaunderTrail.Import;

/// <summary>
/// Reads a line that is a good fact in one pass over its bytes: the fields are checked by name as they are read (no
/// <see cref="JsonDocument"/>), then the fact is deserialised straight from the bytes and validated. Whatever is wrong
/// or merely unusual (a key written with escapes, a value of the wrong kind, any refusal) gives null, and the line goes
/// to <see cref="FactParser.ParseThoroughly"/>, which names every problem; a fact this accepts is the one that path
/// gives, only found at about half the cost of a good line, which is nearly every line of an import.
/// </summary>
internal static class WellFormedFact
{
    // A line with a lone surrogate is refused by the thorough path; strict encoding sends it there.
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private const int MostFields = 32;

    public static CaseEvent? TryRead(string line, bool fromStatement)
    {
        byte[]? rented = null;
        try
        {
            var length = StrictUtf8.GetByteCount(line);
            rented = ArrayPool<byte>.Shared.Rent(length);
            var bytes = rented.AsSpan(0, StrictUtf8.GetBytes(line, rented));
            if (TypeOf(bytes, fromStatement) is not { } type) return null;
            var fact = (CaseEvent)JsonSerializer.Deserialize(bytes, type, EvidenceJson.Options)!;
            return FactValidators.For(type).Validate(new ValidationContext<object>(fact)).IsValid ? fact : null;
        }
        // Whatever fails here, the thorough path reads the line again and decides: a refusal named, or the same fact.
        catch (Exception)
        {
            return null;
        }
        finally
        {
            if (rented is not null) ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>
    /// The fact type of a JSON object whose top-level keys are unescaped, each stated once and accepted by that type,
    /// with every required field present and not null; null for anything else.
    /// </summary>
    private static Type? TypeOf(ReadOnlySpan<byte> json, bool fromStatement)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 64 });
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return null;

        Span<(int Start, int Length, bool Null)> fields = stackalloc (int, int, bool)[MostFields];
        var count = 0;
        Type? type = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueIsEscaped || count == MostFields) return null;
            var start = (int)reader.TokenStartIndex + 1;
            var name = reader.ValueSpan;
            for (var i = 0; i < count; i++)
                if (json.Slice(fields[i].Start, fields[i].Length).SequenceEqual(name)) return null;
            if (!reader.Read()) return null;
            if (name.SequenceEqual("type"u8))
            {
                if (reader.TokenType != JsonTokenType.String || reader.ValueIsEscaped) return null;
                if (!EvidenceTypes.TryFind(Encoding.UTF8.GetString(reader.ValueSpan), out var named)) return null;
                type = named;
            }

            fields[count++] = (start, name.Length, reader.TokenType == JsonTokenType.Null);
            reader.Skip();
        }

        if (reader.TokenType != JsonTokenType.EndObject || reader.Read()) return null;
        if (type is null || (!fromStatement && EvidenceTypes.RecordedByStatementImport.Contains(type))) return null;

        var shape = FactShape.Of(type);
        var found = fields[..count];
        foreach (var field in found)
            if (!IsOneOf(json.Slice(field.Start, field.Length), shape.AcceptedUtf8)) return null;
        foreach (var required in shape.RequiredUtf8)
        {
            var present = false;
            foreach (var field in found)
                if (json.Slice(field.Start, field.Length).SequenceEqual(required)) present = !field.Null;
            if (!present) return null;
        }

        return type;
    }

    private static bool IsOneOf(ReadOnlySpan<byte> name, byte[][] names)
    {
        foreach (var known in names)
            if (name.SequenceEqual(known)) return true;
        return false;
    }
}
