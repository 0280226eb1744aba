using System.Globalization;

namespace LaunderTrail.Generation.Statements;

/// <summary>
/// Alipay's personal bill export (支付宝交易明细): GB18030 CSV, a preamble naming the holder (姓名) and the account
/// (支付宝账户), padded cells, a trailing comma on every row, and a footer after the last row.
/// </summary>
internal static class AlipayBillCsv
{
    public static readonly string[] Header =
        ["交易时间", "交易分类", "交易对方", "对方账号", "商品说明", "收/支", "金额", "收/付款方式", "交易状态", "交易订单号", "商家订单号", "备注"];

    private const string Rule = "------------------------------------------------------------------------------------";

    public static void Write(Statement statement, Stream output)
    {
        var owner = statement.Owner;
        using var csv = new StatementCsv(output, Gb18030.Encoding);
        var inflow = statement.Completed.Where(l => l.Incoming).ToList();
        var outflow = statement.Lines.Where(l => Direction(l) == "支出").ToList();
        var neutral = statement.Lines.Where(l => l.Outcome == LineOutcome.NotCounted).ToList();
        csv.Row([Rule]);
        csv.Row(["导出信息："]);
        csv.Row([$"姓名：{owner.Holder}"]);
        csv.Row([$"支付宝账户：{owner.Number}"]);
        csv.Row([$"起始时间：[{StatementCsv.Day(statement.From)} 00:00:00]    终止时间：[{StatementCsv.Day(statement.To)} 23:59:59]"]);
        csv.Row(["导出交易类型：[全部]"]);
        csv.Row([$"导出时间：[{StatementCsv.ExportedAt(statement)}]"]);
        csv.Row([string.Create(CultureInfo.InvariantCulture, $"共{statement.Lines.Count}笔记录")]);
        csv.Row([Tally("收入", inflow)]);
        csv.Row([Tally("支出", outflow)]);
        csv.Row([Tally("不计收支", neutral)]);
        csv.EmptyLine();
        csv.Row(["特别提示："]);
        csv.Row(["1.本回单内容可表明支付宝受理了您的支付申请，不代表资金已到账。"]);
        csv.Row(["2.支付宝账号在交易时间内的交易明细，以本回单为准。"]);
        csv.Row(["------------------------支付宝（中国）网络技术有限公司  电子客户回单------------------------"]);
        csv.Row([.. Header, ""]);
        foreach (var line in statement.Lines) csv.Row([.. Cells(line), ""]);
        csv.Row([Rule]);
        csv.Row([$"导出时间：[{StatementCsv.ExportedAt(statement)}]    用户：{owner.Holder}"]);
    }

    private static string Tally(string label, IReadOnlyCollection<StatementLine> lines) =>
        string.Create(CultureInfo.InvariantCulture, $"{label}：{lines.Count}笔 {StatementCsv.Money(lines.Sum(l => l.Amount))}元");

    private static IEnumerable<string> Cells(StatementLine line)
    {
        var toCard = line.Counterparty?.Kind == AccountKind.BankCard;
        yield return StatementCsv.Time(line.At) + " ";
        yield return line.Outcome switch
        {
            LineOutcome.NotCounted => "投资理财",
            LineOutcome.Failed when line.Counterparty is null => "日用百货",
            _ => "转账红包",
        };
        yield return Padded(line.CounterpartyName, 10);
        yield return line.Counterparty is { } c ? StatementColumns.Counterparty(StatementProfile.Alipay, c) : "/";
        yield return line.Outcome switch
        {
            LineOutcome.NotCounted => "余额宝-自动转入",
            LineOutcome.Failed when line.Counterparty is null => "淘宝订单付款",
            _ => toCard ? "转账到银行卡" : "转账",
        };
        yield return Direction(line);
        yield return Padded(StatementCsv.Money(line.Amount), 12);
        yield return line.Incoming ? "" : "账户余额";
        yield return line.Outcome == LineOutcome.Failed ? "交易关闭" : "交易成功";
        yield return line.Serial + "\t";
        yield return line.Counterparty is null && line.Outcome == LineOutcome.Failed ? "T200P" + line.Serial[..16] + "\t" : "";
        yield return "";
    }

    private static string Direction(StatementLine line) =>
        line.Outcome == LineOutcome.NotCounted ? "不计收支" : line.Incoming ? "收入" : "支出";

    /// <summary>Alipay pads some cells with spaces to a column width.</summary>
    private static string Padded(string text, int width) => text.PadRight(width);
}
