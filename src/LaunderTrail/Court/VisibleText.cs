using System.Buffers;
using System.Text;

namespace LaunderTrail.Court;

/// <summary>
/// Recorded text as a terminal or a court bundle's readable files show it: every character that could act rather than
/// be read is written as a visible escape, <c>\u</c> and four upper-case hex digits (ESC as <c>\u001B</c>, U+202E as
/// <c>\u202E</c>). That covers the C0 controls (line breaks and tabs too: one field is one line), DEL, the C1
/// controls, the bidirectional marks, embeddings, overrides and isolates (U+061C, U+200E, U+200F, U+202A–U+202E,
/// U+2066–U+2069) and the Unicode line and paragraph separators (U+2028, U+2029). Every other character, backslashes
/// included, is left as it is, so ordinary text is unchanged. A literal <c>\u001B</c> in the evidence therefore reads
/// the same as an escaped ESC; the exact text is in the JSON forms (events.jsonl, timeline.json, <c>--json</c>).
/// </summary>
public static class VisibleText
{
    private static readonly SearchValues<char> Hidden = SearchValues.Create(HiddenCharacters());

    public static string Of(string text)
    {
        var first = text.AsSpan().IndexOfAny(Hidden);
        if (first < 0) return text;

        var visible = new StringBuilder(text.Length + 16).Append(text, 0, first);
        foreach (var c in text.AsSpan(first))
        {
            if (Hidden.Contains(c)) visible.Append("\\u").Append(((int)c).ToString("X4"));
            else visible.Append(c);
        }

        return visible.ToString();
    }

    /// <summary>Whether the character would be written as an escape.</summary>
    public static bool IsHidden(char c) => Hidden.Contains(c);

    private static string HiddenCharacters()
    {
        var hidden = new StringBuilder();
        for (var c = '\u0000'; c <= '\u001F'; c++) hidden.Append(c);
        for (var c = '\u007F'; c <= '\u009F'; c++) hidden.Append(c);
        hidden.Append('\u061C').Append('\u200E').Append('\u200F');
        for (var c = '\u202A'; c <= '\u202E'; c++) hidden.Append(c);
        for (var c = '\u2066'; c <= '\u2069'; c++) hidden.Append(c);
        hidden.Append('\u2028').Append('\u2029');
        return hidden.ToString();
    }
}
