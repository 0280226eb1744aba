namespace LaunderTrail.Import.Statements;

/// <summary>
/// The ids of the facts a statement import records. A transfer is <c>CHANNEL:OWN:REFERENCE</c> (the institution's
/// serial, prefixed by the channel and the statement's own account, so that two institutions' serials never collide and
/// each side of one transfer has its own id), or <c>CHANNEL:OWN:row:FILE:ROW</c> for a row without a serial (FILE: the
/// first 16 hex digits of the file's SHA-256; ROW: the row, after its sheet for a spreadsheet). A row cited as another
/// fact's second side is <c>match:FILE:ROW</c>; one left for review <c>review:FILE:ROW</c>.
/// </summary>
public static class StatementFactIds
{
    public static string Transfer(string channel, string own, string? reference, string sha256, string? sheet, long row) =>
        reference is null ? $"{channel}:{own}:{RowPart(sha256, sheet, row)}" : $"{channel}:{own}:{reference}";

    /// <summary>The id of a transfer, with its row too when its serial is already taken by another row of the same account.</summary>
    public static string Transfer(string channel, string own, string? reference, string sha256, string? sheet, long row, bool serialTaken) =>
        serialTaken ? TransferOfRow(channel, own, reference!, sha256, sheet, row) : Transfer(channel, own, reference, sha256, sheet, row);

    /// <summary>The id of a transfer whose serial is already taken by another row of the same account: the serial and the row.</summary>
    public static string TransferOfRow(string channel, string own, string reference, string sha256, string? sheet, long row) =>
        $"{channel}:{own}:{reference}:{RowPart(sha256, sheet, row)}";

    public static string Matched(string sha256, string? sheet, long row) => "match:" + FileRow(sha256, sheet, row);

    public static string Review(string sha256, string? sheet, long row) => "review:" + FileRow(sha256, sheet, row);

    private static string RowPart(string sha256, string? sheet, long row) => "row:" + FileRow(sha256, sheet, row);

    private static string FileRow(string sha256, string? sheet, long row) =>
        sheet is null ? $"{sha256[..16]}:{row}" : $"{sha256[..16]}:{sheet}:{row}";

    /// <summary>
    /// Whether a recorded transfer carries a statement import's id, and if so from whose statement it was read (its
    /// <c>from</c> or its <c>to</c>) and the serial it carries. The longer account wins when both fit.
    /// </summary>
    public static (bool OwnIsFrom, string? Reference)? Parse(Evidence.FundsTransferred transfer)
    {
        var prefix = (transfer.Channel ?? "bank") + ":";
        if (!transfer.Id.StartsWith(prefix, StringComparison.Ordinal)) return null;
        var rest = transfer.Id[prefix.Length..];
        var fromFits = rest.StartsWith(transfer.From + ":", StringComparison.Ordinal);
        var toFits = rest.StartsWith(transfer.To + ":", StringComparison.Ordinal);
        if (!fromFits && !toFits) return null;
        var ownIsFrom = fromFits && (!toFits || transfer.From.Length >= transfer.To.Length);
        var tail = rest[((ownIsFrom ? transfer.From : transfer.To).Length + 1)..];
        if (tail.StartsWith("row:", StringComparison.Ordinal)) return (ownIsFrom, null);
        var rowPart = tail.IndexOf(":row:", StringComparison.Ordinal);
        return (ownIsFrom, rowPart >= 0 ? tail[..rowPart] : tail);
    }
}
