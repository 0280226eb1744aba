using CsvHelper;

namespace LaunderTrail.Exports;

/// <summary>RFC 4180 through CsvHelper: "\n" line ends, UTF-8 without a byte-order mark, quoted only where a cell needs it.</summary>
internal static class CsvText
{
    /// <param name="forSpreadsheets">
    /// Cells starting with =, +, -, @, a tab or a carriage return get a leading apostrophe (and quotes), so a spreadsheet
    /// opening the file shows them instead of running them as formulas (CSV injection).
    /// </param>
    public static CsvWriter Writer(Stream output, bool forSpreadsheets) => CsvWriter.Create(output, CsvWriterOptions.Default with
    {
        NewLine = "\n",
        WriteByteOrderMark = false,
        Injection = forSpreadsheets ? CsvInjection.Escape : CsvInjection.None,
    }, leaveOpen: true);
}
