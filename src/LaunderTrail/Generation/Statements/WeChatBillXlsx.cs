using System.IO.Compression;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace LaunderTrail.Generation.Statements;

/// <summary>
/// WeChat Pay's bill as the workbook it has exported since 2025: the CSV's rows, every cell text, in one sheet.
/// The same statement always gives the same bytes: fixed part ids, the package's dates and the archive's entry
/// times are the export time, never the clock's.
/// </summary>
internal static class WeChatBillXlsx
{
    public const string SheetName = "微信支付账单明细";

    public static void Write(Statement statement, Stream output)
    {
        // Ten in the morning in Beijing, the day after the bill's last row.
        var exportedAt = new DateTimeOffset(statement.To.AddDays(1), new TimeOnly(10, 0), TimeSpan.FromHours(8));
        using var workbook = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(workbook, SpreadsheetDocumentType.Workbook))
        {
            var properties = document.AddNewPart<CoreFilePropertiesPart>("application/vnd.openxmlformats-package.core-properties+xml", "rId2");
            using (var xml = new StreamWriter(properties.GetStream(FileMode.Create), new System.Text.UTF8Encoding(false)))
                xml.Write(CoreProperties(exportedAt));
            var workbookPart = document.AddNewPart<WorkbookPart>("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", "rId1");
            var sheetPart = workbookPart.AddNewPart<WorksheetPart>("rId1");
            sheetPart.Worksheet = new Worksheet(new SheetData(WeChatBill.Rows(statement).Select((cells, index) => Row(cells, index + 1))));
            workbookPart.Workbook = new Workbook(new Sheets(new Sheet { Name = SheetName, SheetId = 1, Id = "rId1" }));
        }
        Stamped(workbook, exportedAt, output);
    }

    /// <summary>
    /// The package's creator and dates, written as text: System.IO.Packaging's own properties part gets a random name.
    /// </summary>
    private static string CoreProperties(DateTimeOffset exportedAt)
    {
        var at = exportedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
        return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>" +
               "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" " +
               "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" " +
               "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><dc:creator>微信支付</dc:creator>" +
               $"<dcterms:created xsi:type=\"dcterms:W3CDTF\">{at}</dcterms:created>" +
               $"<dcterms:modified xsi:type=\"dcterms:W3CDTF\">{at}</dcterms:modified></cp:coreProperties>";
    }

    private static Row Row(string[] cells, int number) =>
        new(cells.Select((text, column) => new Cell
        {
            CellReference = ColumnName(column) + number.ToString(System.Globalization.CultureInfo.InvariantCulture),
            DataType = CellValues.InlineString,
            InlineString = new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve }),
        }))
        { RowIndex = (uint)number };

    private static string ColumnName(int column) => ((char)('A' + column)).ToString();

    /// <summary>Copies the archive entry by entry, in the same order, each stamped with <paramref name="at"/>.</summary>
    private static void Stamped(MemoryStream workbook, DateTimeOffset at, Stream output)
    {
        workbook.Position = 0;
        using var source = new ZipArchive(workbook, ZipArchiveMode.Read, leaveOpen: true);
        using var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        foreach (var entry in source.Entries)
        {
            var copy = target.CreateEntry(entry.FullName, CompressionLevel.Optimal);
            copy.LastWriteTime = at;
            using var from = entry.Open();
            using var to = copy.Open();
            from.CopyTo(to);
        }
    }
}
