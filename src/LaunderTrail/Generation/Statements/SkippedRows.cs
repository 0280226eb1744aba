using LaunderTrail.Evidence;

namespace LaunderTrail.Generation.Statements;

/// <summary>
/// Rows real statements have that record no completed move of the case's money, and that an import must skip: a
/// transfer the bank refused, a closed payment, a move between the holder's own pockets, a refunded purchase.
/// </summary>
internal static class SkippedRows
{
    public static List<StatementLine> Add(StatementProfile profile, AccountRole role, List<StatementLine> rows)
    {
        var added = (profile, role) switch
        {
            (StatementProfile.CnBank, AccountRole.Victim) => RefusedTransfer(rows),
            (StatementProfile.Alipay, AccountRole.Victim) => ClosedPayment(rows),
            (StatementProfile.Alipay, _) => MovedToSavings(rows),
            (StatementProfile.WeChat, _) => WithdrawalAndRefund(rows),
            _ => [],
        };
        return rows.Concat(added).OrderBy(r => r.At).ToList();
    }

    /// <summary>The victim first tried to send more than her card's daily limit; the bank refused it.</summary>
    private static IEnumerable<StatementLine> RefusedTransfer(List<StatementLine> rows)
    {
        if (rows.FirstOrDefault(r => !r.Incoming) is not { } first) yield break;
        yield return first with { At = first.At.AddMinutes(-3), Amount = first.Amount + 10_000m, Outcome = LineOutcome.Failed, Transfer = null };
    }

    /// <summary>A Taobao payment she started and that was closed unpaid the day before the call.</summary>
    private static IEnumerable<StatementLine> ClosedPayment(List<StatementLine> rows)
    {
        if (rows.Count == 0) yield break;
        yield return new StatementLine(rows[0].At.AddDays(-1), 62m, false, null, "淘宝商家", LineOutcome.Failed, null);
    }

    /// <summary>The holder moved money from the Alipay balance into Yu'e Bao, a fund of his own: 不计收支.</summary>
    private static IEnumerable<StatementLine> MovedToSavings(List<StatementLine> rows)
    {
        if (rows.FirstOrDefault(r => r.Incoming) is not { } first) yield break;
        yield return new StatementLine(first.At.AddMinutes(1), first.Amount, false, null, "余额宝", LineOutcome.NotCounted, null);
    }

    /// <summary>A withdrawal of WeChat change to the holder's own card (neutral, "/") and a shop payment refunded in full.</summary>
    private static IEnumerable<StatementLine> WithdrawalAndRefund(List<StatementLine> rows)
    {
        if (rows.Count == 0) yield break;
        yield return new StatementLine(rows[0].At.AddMinutes(20), 2_000m, false, null, "中国建设银行(7788)", LineOutcome.NotCounted, null);
        yield return new StatementLine(rows[^1].At.AddMinutes(-20), 28.16m, false, null, "美宜佳便利店", LineOutcome.Refunded, null);
    }
}
