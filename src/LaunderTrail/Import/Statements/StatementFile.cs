namespace LaunderTrail.Import.Statements;

/// <summary>
/// A file given to an import, opened as often as the import reads it: from disk, or bytes an upload brought.
/// <see cref="Name"/> is how errors name it; <see cref="FileName"/> how recorded facts cite it (without its folder).
/// </summary>
public sealed class StatementFile
{
    private readonly Func<Stream> _open;

    private StatementFile(string name, Func<Stream> open, long length)
    {
        Name = name;
        _open = open;
        Length = length;
    }

    public string Name { get; }

    public string FileName => Path.GetFileName(Name);

    public long Length { get; }

    public static StatementFile OnDisk(string path) =>
        new(path, () => new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan),
            new FileInfo(path).Length);

    public static StatementFile InMemory(string name, byte[] bytes) =>
        new(name, () => new MemoryStream(bytes, writable: false), bytes.Length);

    public Stream Open() => _open();

    /// <summary>What the file holds, from its name and first bytes.</summary>
    public FileKind Kind()
    {
        Span<byte> start = stackalloc byte[4096];
        int read;
        using (var stream = Open()) read = stream.ReadAtLeast(start, start.Length, throwOnEndOfStream: false);
        start = start[..read];
        if (start.StartsWith((ReadOnlySpan<byte>)[0x50, 0x4B, 0x03, 0x04])) return FileKind.Xlsx;
        if (start.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])) return FileKind.Xls;
        var extension = Path.GetExtension(Name).ToLowerInvariant();
        if (extension is ".jsonl" or ".ndjson") return FileKind.JsonLines;
        if (extension is ".xlsx" or ".xls") return FileKind.Unreadable;
        if (start.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) start = start[3..];
        var text = start.TrimStart(" \t\r\n"u8);
        return text.Length > 0 && text[0] == (byte)'{' ? FileKind.JsonLines : FileKind.Csv;
    }
}

public enum FileKind
{
    JsonLines,
    Csv,
    Xlsx,
    Xls,

    /// <summary>Named as a spreadsheet but not one (an .xlsx that is no ZIP archive).</summary>
    Unreadable,
}
