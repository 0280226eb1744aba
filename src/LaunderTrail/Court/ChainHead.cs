using System.Globalization;
using System.Text.RegularExpressions;

namespace LaunderTrail.Court;

/// <summary>
/// A case's chain head: the position of an event and the chain hash after it, written <c>POS:HASH</c> (the hash in
/// lower-case hex, as a bundle's manifest states it). Kept outside LaunderTrail, it pins every event up to that position.
/// </summary>
public sealed partial record ChainHead(long Position, string Hash)
{
    public override string ToString() => $"{Position.ToString(CultureInfo.InvariantCulture)}:{Hash}";

    /// <returns>The head, or null when the text is not <c>POS:HASH</c> with a position from 1 and 64 hex digits.</returns>
    public static ChainHead? TryParse(string text)
    {
        var match = Notation().Match(text.Trim());
        if (!match.Success || !long.TryParse(match.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var position)
            || position < 1) return null;
        return new ChainHead(position, match.Groups[2].Value.ToLowerInvariant());
    }

    [GeneratedRegex("^([0-9]{1,18}):([0-9a-fA-F]{64})$")]
    private static partial Regex Notation();
}
