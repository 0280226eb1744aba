using static System.FormattableString;

namespace LaunderTrail.Generation;

/// <summary>Plausible evidence references for the <c>source</c> of generated facts, numbered per victim file.</summary>
internal static class Exhibits
{
    public static string BankStatement(string file, long page) => Invariant($"Suqian PSB exhibit B-{file}, bank statement p.{page}");

    public static string AlipayRecords(string file, long page) => Invariant($"Suqian PSB exhibit P-{file}, Alipay transaction records p.{page}");

    public static string LoanRecord(string file) => Invariant($"Suqian PSB exhibit L-{file}, loan app disbursement record");

    public static string VictimStatement(string file, string city) => Invariant($"victim statement, {city} PSB report no. {file}");

    public static string PrepaidSales(PrepaidProduct product, string file, long page) => product == PrepaidProduct.SuningCard
        ? Invariant($"Suqian PSB exhibit S-{file}, Suning card sales records p.{page}")
        : Invariant($"Suqian PSB exhibit T-{file}, Tencent Q-coin recharge log p.{page}");

    public static string MiddlemanChat(string file, long page) => Invariant($"Suqian PSB exhibit M-{file}, middleman's WeChat chat log p.{page}");

    public static string MerchantLedger(string file, long page) => Invariant($"Suqian PSB exhibit K-{file}, card merchant's purchase ledger p.{page}");

    public static string BrokerLaptop(string file) => Invariant($"Suqian PSB exhibit D-{file}, data broker's seized laptop, sales log");

    public static string AccountMerchantLedger(string file) => Invariant($"Suqian PSB exhibit A-{file}, account merchant's sales ledger");
}
