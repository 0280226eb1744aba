using System.Buffers;
using System.Globalization;
using System.Text;

namespace LaunderTrail.Import.Validation;

/// <summary>
/// Which characters a fact's strings may hold. Names (ids, case numbers, accounts, holders, lots, products…) hold
/// no control character, no format character (bidirectional controls, zero-width and other invisible characters,
/// which make two different names look alike or reorder how a line reads) and no line or paragraph separator;
/// free text (<c>note</c>, <c>source</c>) may also break lines and hold tabs and the joiners scripts and emoji need
/// (U+200C, U+200D), never NUL, other control characters or bidirectional controls. No string holds an unpaired
/// surrogate (not a character; PostgreSQL refuses it). One vectorised scan per string finds the suspects.
/// </summary>
public static class Characters
{
    /// <summary>The longest name, in characters: a case number, an id, an account. It keeps the stream key index well within its limit.</summary>
    public const int MaxNameLength = 256;

    private static readonly SearchValues<char> NameSuspects = Suspects(c => !IsAllowedInName(c));
    private static readonly SearchValues<char> TextSuspects = Suspects(c => !IsAllowedInText(c));

    /// <summary>Why <paramref name="name"/> is not a name a fact may hold; null when it is one.</summary>
    public static string? ProblemInName(string name)
    {
        if (ProblemInLabel(name) is { } problem) return problem;
        if (name.Length > MaxNameLength && CountCharacters(name) > MaxNameLength)
            return $"is {CountCharacters(name):N0} characters long; at most {MaxNameLength}";
        return null;
    }

    /// <summary>Why <paramref name="label"/> (one line of text, a name's characters, any length) is refused; null when it is not.</summary>
    public static string? ProblemInLabel(string label)
    {
        var at = label.AsSpan().IndexOfAny(NameSuspects);
        return at < 0 ? null : FirstRefused(label, at, IsAllowedInName);
    }

    /// <summary>Why <paramref name="text"/> is not free text a fact may hold; null when it is.</summary>
    public static string? ProblemInText(string text)
    {
        var at = text.AsSpan().IndexOfAny(TextSuspects);
        return at < 0 ? null : FirstRefused(text, at, IsAllowedInText);
    }

    /// <summary><paramref name="text"/> as it may be shown in a message: refused characters written as \uXXXX.</summary>
    public static string Printable(string text)
    {
        if (text.AsSpan().IndexOfAny(NameSuspects) < 0) return text;
        var printable = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            if (char.IsSurrogate(c) || !IsAllowedInName(c)) printable.Append($"\\u{(int)c:X4}");
            else printable.Append(c);
        }

        return printable.ToString();
    }

    private static string? FirstRefused(string text, int from, Func<char, bool> allowed)
    {
        for (var i = from; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                var rune = new Rune(c, text[i + 1]);
                if (Rune.GetUnicodeCategory(rune) == UnicodeCategory.Format)
                    return $"holds U+{rune.Value:X4}, {Describe(rune.Value)}, at character {i + 1}";
                i++;
                continue;
            }

            if (char.IsSurrogate(c))
                return $"holds \\u{(int)c:X4} at character {i + 1}, an unpaired surrogate (not a character)";
            if (!allowed(c))
                return $"holds U+{(int)c:X4}, {Describe(c)}, at character {i + 1}";
        }

        return null;
    }

    private static string Describe(int c) => c switch
    {
        0 => "NUL",
        '\t' => "a tab",
        '\n' or '\r' or 0x2028 or 0x2029 => "a line break (names are one line)",
        < 0x20 or (>= 0x7F and <= 0x9F) => "a control character",
        (>= 0x202A and <= 0x202E) or (>= 0x2066 and <= 0x2069) => "a bidirectional control that reorders how text reads",
        0x200E or 0x200F or 0x061C => "a bidirectional mark that reorders how text reads",
        _ => "an invisible format character",
    };

    private static bool IsAllowedInName(char c) => CharUnicodeInfo.GetUnicodeCategory(c) is not
        (UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator);

    private static bool IsAllowedInText(char c) =>
        c is '\t' or '\n' or '\r' or '\u200C' or '\u200D' ||
        CharUnicodeInfo.GetUnicodeCategory(c) is not (UnicodeCategory.Control or UnicodeCategory.Format);

    /// <summary>Every UTF-16 unit that may start a refused character: the refused ones and every surrogate, checked one by one.</summary>
    private static SearchValues<char> Suspects(Func<char, bool> refused)
    {
        var suspects = new List<char>();
        for (var c = 0; c <= char.MaxValue; c++)
            if (char.IsSurrogate((char)c) || refused((char)c)) suspects.Add((char)c);
        return SearchValues.Create(suspects.ToArray());
    }

    private static int CountCharacters(string text)
    {
        var count = 0;
        foreach (var _ in text.EnumerateRunes()) count++;
        return count;
    }
}
