using System.Globalization;

namespace LaunderTrail.Import.Statements;

/// <summary>
/// Reads the values statements really hold: amounts such as <c>1,234.56</c>, <c>¥28.16</c>, <c>-50.00</c> or
/// <c>(50.00)</c>; directions 进/出, 收/支, 收入/支出, 借/贷, Dr/Cr; local times in the forms institutions write; whether a
/// status records a completed move. Each reader returns the value or the reason it cannot be read. No I/O.
/// </summary>
public static class StatementValues
{
    private static readonly string[] CurrencyMarks = ["¥", "￥", "CNY", "RMB", "元", "$", "€", "£", "USD", "EUR", "GBP"];

    /// <summary>A cell as a statement means it: padding, tabs and a spreadsheet's <c>="…"</c> guard removed; "/" and "-" alone mean empty.</summary>
    public static string Clean(string? cell)
    {
        var text = (cell ?? "").Trim();
        if (text.Length >= 3 && text.StartsWith("=\"", StringComparison.Ordinal) && text.EndsWith('"')) text = text[2..^1].Trim();
        return text is "/" or "-" or "--" ? "" : text;
    }

    /// <summary>An amount, signed as written (a leading minus or parentheses make it negative).</summary>
    public static (decimal? Value, string? Problem) Amount(string cell)
    {
        var text = cell.Replace(" ", "").Replace("\u00A0", "");
        if (text.Length == 0) return (null, "is empty");
        var negative = false;
        if (text.StartsWith('(') && text.EndsWith(')'))
        {
            negative = true;
            text = text[1..^1];
        }

        if (text.StartsWith('-') || text.StartsWith('+'))
        {
            negative ^= text[0] == '-';
            text = text[1..];
        }

        foreach (var mark in CurrencyMarks)
        {
            if (text.StartsWith(mark, StringComparison.OrdinalIgnoreCase)) text = text[mark.Length..];
            if (text.EndsWith(mark, StringComparison.OrdinalIgnoreCase)) text = text[..^mark.Length];
        }

        if (text.StartsWith('-') && !negative)
        {
            negative = true;
            text = text[1..];
        }

        if (!IsNumber(text)) return (null, $"'{cell}' is not an amount");
        var value = decimal.Parse(text.Replace(",", ""), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        if (decimal.Round(value, 2) != value) return (null, $"'{cell}' has more than 2 decimals");
        return (negative ? -value : value, null);
    }

    /// <summary>Digits with an optional decimal part, thousands grouped by commas or not at all.</summary>
    private static bool IsNumber(string text)
    {
        var point = text.IndexOf('.');
        var whole = point < 0 ? text : text[..point];
        var fraction = point < 0 ? "" : text[(point + 1)..];
        if (whole.Length == 0 || (point >= 0 && fraction.Length == 0) || !fraction.All(char.IsAsciiDigit)) return false;
        if (!whole.Contains(',')) return whole.All(char.IsAsciiDigit) && whole.Length <= 16;
        var groups = whole.Split(',');
        return groups[0].Length is >= 1 and <= 3 && groups.All(g => g.All(char.IsAsciiDigit)) &&
               groups.Skip(1).All(g => g.Length == 3) && whole.Length <= 22;
    }

    /// <summary>Which way money moved, seen from the statement's own account; <see cref="Flow.Neither"/> for 不计收支.</summary>
    public static (Flow? Value, string? Problem) Direction(string cell) =>
        cell.Trim().ToLowerInvariant() switch
        {
            "进" or "收" or "收入" or "贷" or "入" or "cr" or "c" or "credit" or "in" or "+" => (Flow.In, null),
            "出" or "支" or "支出" or "借" or "dr" or "d" or "debit" or "out" or "-" => (Flow.Out, null),
            "不计收支" or "其他" or "中性交易" or "/" => (Flow.Neither, null),
            "" => (null, "is empty"),
            _ => (null, $"'{cell}' is not a direction (进/出, 收入/支出, 借/贷, Dr/Cr)"),
        };

    private static readonly string[] TimeFormats =
    [
        "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd H:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd H:mm", "yyyy-M-d H:mm:ss", "yyyy-M-d H:mm",
        "yyyy/MM/dd HH:mm:ss", "yyyy/M/d H:mm:ss", "yyyy/MM/dd HH:mm", "yyyy/M/d H:mm",
        "yyyy.MM.dd HH:mm:ss", "yyyyMMddHHmmss", "yyyyMMdd HH:mm:ss", "yyyyMMdd HHmmss", "yyyy-MM-dd'T'HH:mm:ss",
        "yyyy-MM-dd HH:mm:ss.fff", "yyyy-MM-dd", "yyyy/MM/dd", "yyyy/M/d", "yyyyMMdd",
    ];

    /// <summary>
    /// A local time as the statement writes it, placed at <paramref name="offset"/>; a time that states its own offset
    /// keeps it. A <paramref name="format"/> describes times written as text: a spreadsheet's date cell, given in
    /// <see cref="StatementTable.DateCellForms"/>, is read whatever the format says.
    /// </summary>
    public static (DateTimeOffset? Value, string? Problem) Time(string cell, TimeSpan offset, string? format = null)
    {
        var text = cell.Trim();
        if (text.Length == 0) return (null, "is empty");
        if (format is null && Evidence.InstantWithOffsetConverter.Parse(text) is { } stated) return (stated, null);
        var formats = format is null ? TimeFormats : [format, .. StatementTable.DateCellForms];
        if (!DateTime.TryParseExact(text, formats, CultureInfo.InvariantCulture, DateTimeStyles.AllowInnerWhite, out var local))
            return (null, format is null
                ? $"'{cell}' is not a time (e.g. 2019-04-29 10:05:00)"
                : $"'{cell}' is not a time in the form {format}");
        return (new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), offset), null);
    }

    /// <summary>Why a status records no completed move (failed, closed, refunded, pending); null when it records one.</summary>
    public static string? NotCompleted(string status)
    {
        var text = status.Trim();
        if (text.Length == 0) return null;
        var lower = text.ToLowerInvariant();
        if (text.Contains("退款") || text.Contains("退还") || lower.Contains("refund")) return $"a refund ({text})";
        if (text.Contains("失败") || text.Contains("关闭") || text.Contains("撤销") || text.Contains("取消") || text.Contains("冲正") ||
            text is "否" or "N" or "n" or "0" || lower.Contains("fail") || lower.Contains("cancel") || lower.Contains("revers"))
            return $"not completed ({text})";
        if (text.Contains("成功") || text.Contains('已') || text.Contains("完成") || text is "是" or "Y" or "y" or "1" ||
            lower.Contains("success") || lower.Contains("complete") || lower.Contains("posted"))
            return null;
        return $"not completed ({text})";
    }
}

/// <summary>Which way a row moved money, seen from the statement's own account.</summary>
public enum Flow
{
    In,
    Out,
    Neither,
}
