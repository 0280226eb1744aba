using System.Text;
using System.Text.RegularExpressions;
using CsCheck;
using LaunderTrail.Tests.Support;

namespace LaunderTrail.Tests.Import;

/// <summary>
/// Evidence files made from valid lines of every fact type, then damaged the way an attacker or a careless tool
/// damages them: bytes flipped, inserted or deleted; keys stated twice or dropped; numbers made huge, negative,
/// exponent or fractional; control, bidirectional and NUL characters put into strings; values nested; names made long.
/// </summary>
internal static partial class MutatedEvidence
{
    public sealed record Mutation(int Kind, int Line, double Where, int Choice, byte Byte);

    public sealed record File(int[] Lines, int Salt, Mutation[] Mutations)
    {
        /// <summary>The file's bytes: the chosen lines with unique ids, damaged in their text, then in their bytes.</summary>
        public byte[] Bytes()
        {
            var lines = Lines.Select((l, i) => Support.Lines.OneOfEachType[l].Replace("\"id\":\"", $"\"id\":\"{Salt}-{i}-")).ToArray();
            foreach (var mutation in Mutations.Where(m => m.Kind < TextKinds))
            {
                var at = mutation.Line % lines.Length;
                lines[at] = Apply(lines[at], mutation);
            }

            var bytes = Encoding.UTF8.GetBytes(string.Join('\n', lines) + "\n");
            foreach (var mutation in Mutations.Where(m => m.Kind >= TextKinds))
                bytes = Apply(bytes, mutation);
            return bytes;
        }
    }

    private const int TextKinds = 7;
    private const int Kinds = TextKinds + 3;

    private static readonly string[] Keys =
        ["id", "case", "type", "at", "amount", "from", "to", "account", "holder", "role", "lot", "paid", "faceValue",
         "price", "pricePerRecord", "unitPrice", "count", "records", "victims", "source", "note", "currency", "retracts"];

    private static readonly string[] Numbers =
        ["79228162514264337593543950335", "79228162514264337593543950336", "1e28", "1E15", "1e400", "-1e400", "1e-400",
         "-5", "0", "-0", "1.005", "1e-2", "2.5", "100.000000000000000000000000001", "1000000000000000.01", "1000000000000000",
         "2147483648", "-2147483649", "0.1e1", "12345678901234567890123456789012345678901234567890"];

    private static readonly string[] Inserted =
        ["\\u0000", "\\u0001", "\\u001f", "\\u007f", "\\u0085", "\u202E", "\\u202e", "\u2066", "\\u2069", "\u200E", "\u200F",
         "\u061C", "\u200B", "\uFEFF", "\\ud800", "\\udc00", "\\ud83d\\ude00", "\t", "\\t", "\\n", "\\r\\n", "\u2028",
         "\U000E0041", "\"", "\\", "\\x", "é", "\U0002000B"];

    private static readonly string[] Values =
        ["null", "true", "[]", "{}", "\"\"", "\" \"", "[\"a\",\"a\"]", "{\"a\":1,\"a\":2}", "\"" + new string('x', 300) + "\"",
         "\"" + new string('C', 3000) + "\"", "100", "\"2019-04-29T10:05:00\""];

    public static readonly Gen<Mutation> AMutation =
        Gen.Select(Gen.Int[0, Kinds - 1], Gen.Int[0, 3], Gen.Double[0, 1], Gen.Int[0, 1_000], Gen.Byte,
            (kind, line, where, choice, value) => new Mutation(kind, line, where, choice, value));

    public static readonly Gen<File> AFile =
        Gen.Select(Gen.Int[0, Support.Lines.OneOfEachType.Length - 1].Array[1, 4], Gen.Int[0, 1_000_000_000], AMutation.Array[1, 3],
            (lines, salt, mutations) => new File(lines, salt, mutations));

    /// <summary>How a failing file is printed, so that it can be read and replayed.</summary>
    public static string Print(File file) =>
        $"{file} with mutations [{string.Join(", ", file.Mutations.Select(m => m.ToString()))}]:\n" +
        string.Concat(file.Bytes().Select(b => b is >= 0x20 and < 0x7F ? ((char)b).ToString() : $"<{b:X2}>"));

    private static string Apply(string line, Mutation m)
    {
        var keys = KeyValue().Matches(line);
        var pick = keys.Count == 0 ? null : keys[(int)(m.Where * keys.Count) % keys.Count];
        switch (m.Kind)
        {
            case 0: // a key stated twice
                return line.Length > 0 && line[0] == '{'
                    ? $"{{\"{Keys[m.Choice % Keys.Length]}\":{Values[m.Choice % Values.Length]}," + line[1..]
                    : line;
            case 1: // a key dropped
                return pick is null ? line : line.Remove(pick.Index, pick.Length).Replace(",,", ",").Replace("{,", "{").Replace(",}", "}");
            case 2: // a number replaced
            {
                var numbers = NumberValue().Matches(line);
                if (numbers.Count == 0) return line;
                var number = numbers[(int)(m.Where * numbers.Count) % numbers.Count].Groups[1];
                return line.Remove(number.Index, number.Length).Insert(number.Index, Numbers[m.Choice % Numbers.Length]);
            }
            case 3: // a character put into a string
            {
                var strings = StringValue().Matches(line);
                if (strings.Count == 0) return line;
                var text = strings[(int)(m.Where * strings.Count) % strings.Count].Groups[1];
                var at = text.Index + m.Choice % (text.Length + 1);
                return line.Insert(at, Inserted[m.Byte % Inserted.Length]);
            }
            case 4: // a value nested in an array or an object
                return pick is null ? line : line.Remove(pick.Groups[2].Index, pick.Groups[2].Length)
                    .Insert(pick.Groups[2].Index, m.Choice % 2 == 0 ? $"[{pick.Groups[2].Value}]" : $"{{\"v\":{pick.Groups[2].Value}}}");
            case 5: // a value replaced by one of another kind or size
                return pick is null ? line : line.Remove(pick.Groups[2].Index, pick.Groups[2].Length)
                    .Insert(pick.Groups[2].Index, Values[m.Choice % Values.Length]);
            default: // the line wrapped, cut or doubled
                return (m.Choice % 3) switch
                {
                    0 => $"[{line}]",
                    1 => line[..(int)(m.Where * line.Length)],
                    _ => line + line,
                };
        }
    }

    private static byte[] Apply(byte[] bytes, Mutation m)
    {
        var at = (int)(m.Where * bytes.Length);
        var list = bytes.ToList();
        switch (m.Kind - TextKinds)
        {
            case 0 when bytes.Length > 0:
                list[Math.Min(at, bytes.Length - 1)] = m.Byte;
                break;
            case 1:
                list.InsertRange(at, Enumerable.Repeat(m.Byte, 1 + m.Choice % 3));
                break;
            case 2 when bytes.Length > 0:
                list.RemoveRange(Math.Min(at, bytes.Length - 1), Math.Min(1 + m.Choice % 8, bytes.Length - Math.Min(at, bytes.Length - 1)));
                break;
        }

        return list.ToArray();
    }

    [GeneratedRegex("\"([A-Za-z]+)\":(\"[^\"]*\"|\\[[^\\]]*\\]|[^,}\\]]+)")]
    private static partial Regex KeyValue();

    [GeneratedRegex(":(-?[0-9][0-9.eE+-]*)")]
    private static partial Regex NumberValue();

    [GeneratedRegex(":\"([^\"]*)\"")]
    private static partial Regex StringValue();
}
