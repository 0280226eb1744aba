namespace LaunderTrail.Import;

/// <summary>
/// Recognises, from its first bytes, a source that is not text at all (an archive, a compressed file, a document,
/// UTF-16 text), so that it is refused with one sentence saying what it is rather than a line of errors per line.
/// </summary>
public static class NotJsonLines
{
    /// <summary>How many leading bytes <see cref="Describe"/> wants to see, when the source has them.</summary>
    public const int Prefix = 512;

    private static readonly (byte[] Magic, string What)[] Signatures =
    [
        ([0x1F, 0x8B], "this is a gzip-compressed file, not JSON Lines: decompress it first"),
        ([0x28, 0xB5, 0x2F, 0xFD], "this is a zstd-compressed file, not JSON Lines: decompress it first"),
        ([0x42, 0x5A, 0x68], "this is a bzip2-compressed file, not JSON Lines: decompress it first"),
        ([0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00], "this is an xz-compressed file, not JSON Lines: decompress it first"),
        ([0x50, 0x4B, 0x03, 0x04], "this is a ZIP archive (or an .xlsx/.docx document), not JSON Lines: extract or export the facts as JSON Lines"),
        ([0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C], "this is a 7z archive, not JSON Lines: extract it first"),
        ([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1], "this is an old Office document (.xls/.doc), not JSON Lines: export the facts as JSON Lines"),
        ("%PDF-"u8.ToArray(), "this is a PDF document, not JSON Lines: export the facts as JSON Lines"),
        ("SQLite format 3\0"u8.ToArray(), "this is an SQLite database, not JSON Lines: export the facts as JSON Lines"),
        ([0xFF, 0xFE, 0x00, 0x00], "this is UTF-32 text, not UTF-8: convert it to UTF-8"),
        ([0x00, 0x00, 0xFE, 0xFF], "this is UTF-32 text, not UTF-8: convert it to UTF-8"),
        ([0xFF, 0xFE], "this is UTF-16 text, not UTF-8: convert it to UTF-8"),
        ([0xFE, 0xFF], "this is UTF-16 text, not UTF-8: convert it to UTF-8"),
    ];

    /// <summary>What the source is when it is plainly not JSON Lines, from its first bytes; null when it may be.</summary>
    public static string? Describe(ReadOnlySpan<byte> start)
    {
        foreach (var (magic, what) in Signatures)
            if (start.StartsWith(magic)) return what;
        // A NUL byte never stands in JSON text (inside a string it is written \u0000); UTF-16 text without a byte
        // order mark has one in every other byte of its ASCII.
        return start.Contains((byte)0)
            ? "this is a binary file (it holds NUL bytes), not JSON Lines: UTF-8 text with one JSON object per line"
            : null;
    }
}
