using System.Globalization;
using System.Text;
using CsvHelper;

namespace LaunderTrail.Generation.Statements;

/// <summary>
/// Writes statement CSV as the institutions do: CRLF line ends, a field quoted only when it must be, and cells such as
/// long numbers left ending in a tab (so spreadsheet programs keep them as text), unquoted.
/// </summary>
internal sealed class StatementCsv : IDisposable
{
    private static readonly CsvWriterOptions Options = CsvWriterOptions.Default with
    {
        NewLine = "\r\n",
        Quoting = CsvQuoting.WhenNeeded,
        // Preambles and footers are rows of one or two cells above and below the table.
        ValidateFieldCount = false,
    };

    private readonly StreamWriter _text;
    private readonly CsvWriter _csv;

    public StatementCsv(Stream output, Encoding encoding)
    {
        _text = new StreamWriter(output, encoding, bufferSize: 1 << 16, leaveOpen: true);
        _csv = CsvWriter.Create(_text, Options, leaveOpen: true);
    }

    public void Row(IEnumerable<string> cells)
    {
        foreach (var cell in cells) _csv.WriteField(cell);
        _csv.EndRecord();
    }

    /// <summary>A line with nothing on it, as between an export's preamble and its notes.</summary>
    public void EmptyLine()
    {
        _csv.Flush();
        _text.Write(Options.NewLine);
    }

    public void Dispose()
    {
        _csv.Dispose();
        _text.Dispose();
    }

    public static string Money(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);

    public static string Time(DateTimeOffset at) => at.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>When the holder exported or the bank answered: ten in the morning after the statement's last day.</summary>
    public static string ExportedAt(Statement statement) => Day(statement.To.AddDays(1)) + " 10:00:00";
}
