using System.Buffers.Text;
using System.Globalization;

namespace LaunderTrail.Tracing;

/// <summary>
/// Writes money rounded to cents (<see cref="Money.ToCents"/>) as UTF-8, the way the custom formats "0.00" (every
/// report figure) and "0.0#" (the graph's) write it. A report and a graph of a million facts hold millions of figures,
/// and a custom format string is parsed and applied for each; positive figures below 10^15, all of them in practice,
/// are written from their whole cents instead. Others (negative figures, whose zero keeps its sign) go through the format.
/// </summary>
internal static class CentsText
{
    private const decimal FastBelow = 1_000_000_000_000_000m;

    /// <summary>"0.00": two decimals always.</summary>
    public static bool TryWriteTwoDecimals(decimal amount, Span<byte> utf8, out int written) =>
        TryWrite(Money.ToCents(amount), utf8, trimTrailingZero: false, out written);

    /// <summary>"0.0#": one decimal at least, the second only when it is not zero.</summary>
    public static bool TryWriteOneOrTwoDecimals(decimal amount, Span<byte> utf8, out int written) =>
        TryWrite(Money.ToCents(amount), utf8, trimTrailingZero: true, out written);

    private static bool TryWrite(decimal cents, Span<byte> utf8, bool trimTrailingZero, out int written)
    {
        if (decimal.IsNegative(cents) || cents >= FastBelow)
            return cents.TryFormat(utf8, out written, trimTrailingZero ? "0.0#" : "0.00", CultureInfo.InvariantCulture);

        // Rounded to cents, a hundred times the amount is a whole number.
        var whole = (ulong)(cents * 100m);
        if (!Utf8Formatter.TryFormat(whole / 100, utf8, out written) || utf8.Length < written + 3) return false;
        var fraction = (int)(whole % 100);
        utf8[written++] = (byte)'.';
        utf8[written++] = (byte)('0' + fraction / 10);
        if (!trimTrailingZero || fraction % 10 != 0) utf8[written++] = (byte)('0' + fraction % 10);
        return true;
    }
}
