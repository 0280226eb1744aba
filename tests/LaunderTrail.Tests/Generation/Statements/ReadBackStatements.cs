using System.Globalization;
using System.Text;
using ExcelDataReader;
using LaunderTrail.Generation.Statements;

namespace LaunderTrail.Tests.Generation.Statements;

/// <summary>One row of a written statement, read back from its bytes the way an import must read it.</summary>
internal sealed record ReadRow(string File, int Row, DateTime LocalTime, decimal Amount, string Direction, string Counterparty,
    string Status, IReadOnlyDictionary<string, string> Cells);

/// <summary>
/// Reads a generated statements folder back from bytes alone: GB18030 and UTF-8 CSV, the workbook through
/// ExcelDataReader, the header row found by its column names, cells trimmed of padding and tabs.
/// </summary>
internal sealed class ReadBackStatements
{
    private static readonly Encoding Gb18030 = CodePages(54936);

    public ReadBackStatements(IReadOnlyList<StatementFile> files)
    {
        Files = files.ToDictionary(f => f.Name, f => f.Bytes, StringComparer.Ordinal);
        Manifest = Text(StatementFolder.Manifest, Encoding.UTF8).Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(line => line.Split('\t')).Select(c => (File: c[0], Profile: c[1], Account: c[2])).ToList();
        Aliases = Text(StatementFolder.Aliases, Encoding.UTF8).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(line => line.Split(',')).ToDictionary(c => c[0], c => c[1], StringComparer.Ordinal);
    }

    public Dictionary<string, byte[]> Files { get; }

    public List<(string File, string Profile, string Account)> Manifest { get; }

    public Dictionary<string, string> Aliases { get; }

    public static Encoding CodePages(int codePage)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(codePage, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
    }

    public string Text(string file, Encoding encoding) => encoding.GetString(Files[file]);

    public IReadOnlyList<ReadRow> Rows(string file, string profile) => profile switch
    {
        "cn-bank" => Table(file, CsvLines(file, Gb18030), "交易时间", "交易金额", "收付标志", "交易对手账卡号", "交易是否成功"),
        "alipay" => Table(file, CsvLines(file, Gb18030), "交易时间", "金额", "收/支", "对方账号", "交易状态"),
        "wechat" when file.EndsWith(".xlsx", StringComparison.Ordinal) => Table(file, SheetLines(file), "交易时间", "金额(元)", "收/支", "交易对方", "当前状态"),
        "wechat" => Table(file, CsvLines(file, new UTF8Encoding(true, true)), "交易时间", "金额(元)", "收/支", "交易对方", "当前状态"),
        _ => throw new ArgumentOutOfRangeException(nameof(profile), profile, "no such profile"),
    };

    /// <summary>Lines split at commas: the writer never quotes a data cell, which this test checks by there being no quote.</summary>
    private List<string[]> CsvLines(string file, Encoding encoding)
    {
        var text = Text(file, encoding);
        Assert.DoesNotContain('"', text);
        return text.TrimStart('\uFEFF').Split("\r\n").Select(l => l.Split(',')).ToList();
    }

    private List<string[]> SheetLines(string file)
    {
        using var reader = ExcelReaderFactory.CreateOpenXmlReader(new MemoryStream(Files[file]));
        var lines = new List<string[]>();
        while (reader.Read())
            lines.Add(Enumerable.Range(0, reader.FieldCount).Select(c => reader.GetValue(c) as string ?? "").ToArray());
        return lines;
    }

    private static List<ReadRow> Table(string file, List<string[]> lines, string time, string amount, string direction,
        string counterparty, string status)
    {
        var headerAt = lines.FindIndex(l => l.Select(c => c.Trim()).Contains(time) && l.Select(c => c.Trim()).Contains(amount));
        Assert.True(headerAt >= 0, $"{file}: no header row");
        var header = lines[headerAt].Select(c => c.Trim()).ToArray();
        var timeColumn = Array.IndexOf(header, time);
        var rows = new List<ReadRow>();
        for (var i = headerAt + 1; i < lines.Count; i++)
        {
            var cells = lines[i];
            // The table ends where the footer or the file does: a row whose first cell is not a time.
            if (cells.Length <= timeColumn || !DateTime.TryParseExact(cells[timeColumn].Trim(), "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var at)) break;
            var named = header.Select((name, c) => (name, value: c < cells.Length ? cells[c].Trim() : ""))
                .Where(p => p.name.Length > 0).ToDictionary(p => p.name, p => p.value, StringComparer.Ordinal);
            rows.Add(new ReadRow(file, i + 1, at, decimal.Parse(named[amount].TrimStart('¥'), NumberStyles.Number, CultureInfo.InvariantCulture),
                named[direction], named[counterparty], named[status], named));
        }
        return rows;
    }
}
