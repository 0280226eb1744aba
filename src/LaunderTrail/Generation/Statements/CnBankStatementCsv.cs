namespace LaunderTrail.Generation.Statements;

/// <summary>
/// A bank's reply to a police transaction inquiry (交易明细): GB18030 CSV, a short preamble, one row per movement with
/// the balance after it, card numbers and serials ending in a tab as the banks' exports have them.
/// </summary>
internal static class CnBankStatementCsv
{
    public static readonly string[] Header =
    [
        "交易卡号", "交易户名", "交易时间", "交易金额", "交易余额", "收付标志", "交易对手账卡号", "对手户名", "摘要说明",
        "交易流水号", "交易是否成功", "币种", "交易网点",
    ];

    public static void Write(Statement statement, Stream output)
    {
        var owner = statement.Owner;
        using var csv = new StatementCsv(output, Gb18030.Encoding);
        csv.Row([$"{owner.Institution} 协助查询 账户交易明细"]);
        csv.Row([$"查询卡号：{owner.Number}\t", $"户名：{owner.Holder}"]);
        csv.Row([$"查询期间：{StatementCsv.Day(statement.From)} 至 {StatementCsv.Day(statement.To)}", $"导出时间：{StatementCsv.ExportedAt(statement)}"]);
        csv.Row(Header);
        foreach (var line in statement.Lines)
        {
            csv.Row(
            [
                owner.Number + "\t", owner.Holder, StatementCsv.Time(line.At), StatementCsv.Money(line.Amount),
                StatementCsv.Money(line.Balance), line.Incoming ? "进" : "出",
                (line.Counterparty is { } c ? StatementColumns.Counterparty(StatementProfile.CnBank, c) : "") + "\t",
                line.CounterpartyName, Summary(line), line.Serial + "\t",
                line.Outcome == LineOutcome.Completed ? "成功" : "失败", "人民币", "电子银行",
            ]);
        }
    }

    private static string Summary(StatementLine line) => line.Counterparty?.Kind switch
    {
        AccountKind.Alipay => line.Incoming ? "支付宝转入" : "支付宝转账",
        AccountKind.WeChatPay => line.Incoming ? "微信转入" : "微信转账",
        _ => line.Incoming ? "网银转入" : "网银转账",
    };
}
