using System.Globalization;
using System.Text;
using System.Text.Unicode;
using ExcelDataReader;

namespace LaunderTrail.Import.Statements;

/// <summary>One row of a statement file as cells of text: its line in a CSV (from 1), or its row in a sheet.</summary>
public sealed record TableRow(long Number, string? Sheet, string[] Cells);

/// <summary>A statement file that cannot be read as a table at all, or not past a row.</summary>
public sealed class UnreadableStatementException(long row, string reason) : Exception(reason)
{
    public long Row => row;
}

/// <summary>
/// Reads a statement file row by row, never holding more than a row: CSV in UTF-8 (with or without a byte order mark),
/// UTF-16 (with one) or GB18030, decoded strictly (a byte that is not text in the file's encoding stops the read
/// with its row, never becomes a replacement character); XLSX and XLS sheets through ExcelDataReader.
/// </summary>
public static class StatementTable
{
    /// <summary>GB18030, the superset of GBK that Chinese statements use. Code page 936 (GBK) would lose characters such as 䶮.</summary>
    public const int Gb18030 = 54936;

    /// <summary>
    /// How a spreadsheet's date cell is given as text, with and without a time of day, whatever format the sheet displays
    /// it in: the cell holds a date, not text, so a mapping's time format (which describes text) does not apply to it.
    /// </summary>
    public static readonly string[] DateCellForms = ["yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd"];

    static StatementTable() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static IEnumerable<TableRow> Rows(StatementFile file, FileKind kind) =>
        kind is FileKind.Xlsx or FileKind.Xls ? Sheets(file) : CsvRows(file);

    /// <summary>The encoding of a CSV statement, from its byte order mark or, without one, from its first 64 KiB.</summary>
    public static Encoding EncodingOf(StatementFile file)
    {
        var start = new byte[1 << 16];
        int read;
        using (var stream = file.Open()) read = stream.ReadAtLeast(start, start.Length, throwOnEndOfStream: false);
        var bytes = start.AsSpan(0, read);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) return new UTF8Encoding(true, true);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])) return new UnicodeEncoding(false, true, true);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return new UnicodeEncoding(true, true, true);
        // A multi-byte character cut off by the end of the sample is not a reason to doubt UTF-8.
        var whole = read == start.Length ? bytes[..LastWholeCharacter(bytes)] : bytes;
        return Utf8.IsValid(whole) ? new UTF8Encoding(false, true) : Encoding.GetEncoding(Gb18030, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
    }

    private static int LastWholeCharacter(ReadOnlySpan<byte> bytes)
    {
        var end = bytes.Length;
        for (var back = 1; back <= 3 && end - back >= 0; back++)
        {
            var b = bytes[end - back];
            if ((b & 0xC0) == 0xC0) return end - back;
            if ((b & 0x80) == 0) return end;
        }

        return end;
    }

    private static IEnumerable<TableRow> CsvRows(StatementFile file)
    {
        var encoding = EncodingOf(file);
        using var stream = file.Open();
        using var text = new StreamReader(stream, encoding, detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 16);
        var records = new CsvRecords(text);
        while (true)
        {
            (long Line, string[] Fields)? record;
            try
            {
                record = records.Next();
            }
            catch (DecoderFallbackException)
            {
                throw new UnreadableStatementException(FirstUndecodableLine(file, encoding),
                    $"is not {NameOf(encoding)} text (the file's encoding was taken from its first bytes)");
            }

            if (record is not { } found) yield break;
            if (found.Fields.All(string.IsNullOrWhiteSpace)) continue;
            yield return new TableRow(found.Line, null, found.Fields);
        }
    }

    /// <summary>
    /// The line holding the first byte that is not text in <paramref name="encoding"/>. The reader decodes blocks, not
    /// lines, so this reads the file again line by line; a line feed never stands inside a UTF-8 or GB18030 character.
    /// </summary>
    private static long FirstUndecodableLine(StatementFile file, Encoding encoding)
    {
        if (encoding is UnicodeEncoding) return 1;
        using var stream = file.Open();
        var line = new List<byte>();
        long number = 1;
        int b;
        while ((b = stream.ReadByte()) >= 0)
        {
            if (b != '\n')
            {
                line.Add((byte)b);
                continue;
            }

            if (!Decodes(encoding, line)) return number;
            line.Clear();
            number++;
        }

        return number;
    }

    private static bool Decodes(Encoding encoding, List<byte> line)
    {
        try
        {
            encoding.GetCharCount(line.ToArray());
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    private static string NameOf(Encoding encoding) => encoding.CodePage switch
    {
        Gb18030 => "GB18030",
        65001 => "UTF-8",
        _ => "UTF-16",
    };

    private static IEnumerable<TableRow> Sheets(StatementFile file)
    {
        using var stream = file.Open();
        IExcelDataReader reader;
        try
        {
            reader = ExcelReaderFactory.CreateReader(stream);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new UnreadableStatementException(1, $"is not a readable spreadsheet: {e.Message}");
        }

        using (reader)
        {
            do
            {
                var sheet = reader.Name;
                long row = 0;
                while (true)
                {
                    string[] cells;
                    try
                    {
                        if (!reader.Read()) break;
                        cells = new string[reader.FieldCount];
                        for (var i = 0; i < cells.Length; i++) cells[i] = Text(reader.GetValue(i));
                    }
                    catch (Exception e) when (e is not OutOfMemoryException)
                    {
                        throw new UnreadableStatementException(row + 1, $"sheet {sheet}: cannot be read: {e.Message}");
                    }

                    row++;
                    if (cells.All(string.IsNullOrWhiteSpace)) continue;
                    yield return new TableRow(row, sheet, cells);
                }
            } while (reader.NextResult());
        }
    }

    private static string Text(object? value) => value switch
    {
        null => "",
        string s => s,
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        DateTime t => t.ToString(t.TimeOfDay == TimeSpan.Zero ? DateCellForms[1] : DateCellForms[0], CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };
}
