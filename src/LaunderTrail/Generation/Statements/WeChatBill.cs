using System.Globalization;
using System.Text;

namespace LaunderTrail.Generation.Statements;

/// <summary>
/// WeChat Pay's bill export (微信支付账单明细): a preamble with the holder's nickname and tallies, the line
/// <c>微信支付账单明细列表</c>, then one row per payment with amounts written <c>¥28.16</c>. The same rows are written as
/// UTF-8 CSV (with a byte-order mark) or as a workbook.
/// </summary>
internal static class WeChatBill
{
    public static readonly string[] Header =
        ["交易时间", "交易类型", "交易对方", "商品", "收/支", "金额(元)", "支付方式", "当前状态", "交易单号", "商户单号", "备注"];

    public static IEnumerable<string[]> Rows(Statement statement)
    {
        var lines = statement.Lines;
        yield return ["微信支付账单明细"];
        yield return [$"微信昵称：[{statement.Owner.Holder}]"];
        yield return [$"起始时间：[{StatementCsv.Day(statement.From)} 00:00:00] 终止时间：[{StatementCsv.Day(statement.To)} 23:59:59]"];
        yield return ["导出类型：[全部]"];
        yield return [$"导出时间：[{StatementCsv.ExportedAt(statement)}]"];
        yield return [""];
        yield return [string.Create(CultureInfo.InvariantCulture, $"共{lines.Count}笔记录")];
        yield return [Tally("收入", lines.Where(l => Direction(l) == "收入"))];
        yield return [Tally("支出", lines.Where(l => Direction(l) == "支出"))];
        yield return [Tally("中性交易", lines.Where(l => Direction(l) == "/"))];
        yield return ["注："];
        yield return ["1. 充值/提现/理财通购买/零钱通存取/信用卡还款等交易，将计入中性交易"];
        yield return ["2. 本明细仅展示当前账单中的交易，不包括已删除的记录"];
        yield return ["3. 本明细仅供个人对账使用"];
        yield return [""];
        yield return ["----------------------微信支付账单明细列表--------------------"];
        yield return Header;
        foreach (var line in lines)
        {
            yield return
            [
                StatementCsv.Time(line.At),
                line.Outcome switch { LineOutcome.NotCounted => "零钱提现", LineOutcome.Refunded => "商户消费", _ => "转账" },
                line.Counterparty is { } c ? StatementColumns.Counterparty(StatementProfile.WeChat, c) : line.OtherParty ?? "",
                line.Outcome == LineOutcome.Refunded ? "便利店消费" : "/",
                Direction(line),
                "¥" + StatementCsv.Money(line.Amount),
                "零钱",
                line.Outcome switch
                {
                    LineOutcome.NotCounted => "提现已到账",
                    LineOutcome.Refunded => "已全额退款",
                    LineOutcome.Failed => "已退还",
                    _ => line.Incoming ? "已收钱" : "已转账",
                },
                line.Serial + "\t",
                line.Outcome == LineOutcome.Refunded ? "4200000" + line.Serial[10..] + "\t" : "/",
                "/",
            ];
        }
    }

    /// <summary>UTF-8 with a byte-order mark, every row as wide as the table, as WeChat writes it.</summary>
    public static void WriteCsv(Statement statement, Stream output)
    {
        using var csv = new StatementCsv(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true, throwOnInvalidBytes: true));
        foreach (var row in Rows(statement))
            csv.Row(row.Length == Header.Length ? row : [.. row, .. Enumerable.Repeat("", Header.Length - row.Length)]);
    }

    private static string Direction(StatementLine line) =>
        line.Outcome == LineOutcome.NotCounted ? "/" : line.Incoming ? "收入" : "支出";

    private static string Tally(string label, IEnumerable<StatementLine> lines)
    {
        var counted = lines.ToList();
        return string.Create(CultureInfo.InvariantCulture, $"{label}：{counted.Count}笔 {StatementCsv.Money(counted.Sum(l => l.Amount))}元");
    }
}
