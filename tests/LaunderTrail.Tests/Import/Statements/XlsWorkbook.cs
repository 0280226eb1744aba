using NPOI.HSSF.UserModel;
using NPOI.SS.UserModel;

namespace LaunderTrail.Tests.Import.Statements;

/// <summary>
/// Writes a genuine Excel 97-2003 workbook (BIFF8, the .xls that older banking systems still export) with NPOI's HSSF:
/// text cells as text, numbers as number cells, dates as number cells with a date format, as Excel stores them.
/// </summary>
public static class XlsWorkbook
{
    public static void Write(string path, string sheetName, IEnumerable<object?[]> rows, string dateFormat = "yyyy-mm-dd hh:mm:ss")
    {
        var workbook = new HSSFWorkbook();
        var sheet = workbook.CreateSheet(sheetName);
        var dates = workbook.CreateCellStyle();
        dates.DataFormat = workbook.CreateDataFormat().GetFormat(dateFormat);
        var rowIndex = 0;
        foreach (var cells in rows)
        {
            var row = sheet.CreateRow(rowIndex++);
            for (var column = 0; column < cells.Length; column++)
            {
                switch (cells[column])
                {
                    case null:
                        break;
                    case string text:
                        row.CreateCell(column, CellType.String).SetCellValue(text);
                        break;
                    case decimal number:
                        row.CreateCell(column, CellType.Numeric).SetCellValue((double)number);
                        break;
                    case long number:
                        row.CreateCell(column, CellType.Numeric).SetCellValue(number);
                        break;
                    case DateTime time:
                        var cell = row.CreateCell(column, CellType.Numeric);
                        cell.SetCellValue(time);
                        cell.CellStyle = dates;
                        break;
                    default:
                        throw new ArgumentException($"no cell for a {cells[column]!.GetType().Name}");
                }
            }
        }

        using var file = File.Create(path);
        workbook.Write(file);
    }
}
