namespace LaunderTrail.Import.Statements;

/// <summary>
/// The built-in statement layouts, by the column names the institutions use (docs/statements.md), and the profile
/// names the command line takes.
/// </summary>
public static class StatementProfiles
{
    public const string CnBank = "cn-bank";
    public const string Alipay = "alipay";
    public const string Wechat = "wechat";
    public const string Mapping = "mapping";

    public static readonly IReadOnlyList<string> Names = [CnBank, Alipay, Wechat, Mapping];

    /// <summary>Statements from Chinese institutions give local times in China Standard Time unless told otherwise.</summary>
    public static readonly TimeSpan ChinaStandardTime = TimeSpan.FromHours(8);

    /// <summary>A bank's reply to a police transaction inquiry (交易明细).</summary>
    public static readonly StatementLayout CnBankLayout = new(CnBank, "bank",
        new Dictionary<ColumnRole, string[]>
        {
            [ColumnRole.OwnAccount] = ["交易卡号", "交易账号"],
            [ColumnRole.OwnName] = ["交易户名", "账户开户名称"],
            [ColumnRole.Time] = ["交易时间"],
            [ColumnRole.Amount] = ["交易金额"],
            [ColumnRole.Balance] = ["交易余额"],
            [ColumnRole.Direction] = ["收付标志"],
            [ColumnRole.CounterpartyAccount] = ["交易对手账卡号"],
            [ColumnRole.CounterpartyName] = ["对手户名"],
            [ColumnRole.Reference] = ["交易流水号"],
            [ColumnRole.Status] = ["交易是否成功"],
        },
        [ColumnRole.Time, ColumnRole.Amount, ColumnRole.Direction, ColumnRole.CounterpartyAccount],
        TimeZone: ChinaStandardTime);

    /// <summary>Alipay's personal bill export.</summary>
    public static readonly StatementLayout AlipayLayout = new(Alipay, "alipay",
        new Dictionary<ColumnRole, string[]>
        {
            [ColumnRole.Time] = ["交易时间"],
            [ColumnRole.CounterpartyName] = ["交易对方"],
            [ColumnRole.CounterpartyAccount] = ["对方账号"],
            [ColumnRole.Direction] = ["收/支"],
            [ColumnRole.Amount] = ["金额"],
            [ColumnRole.Status] = ["交易状态"],
            [ColumnRole.Reference] = ["交易订单号"],
        },
        [ColumnRole.Time, ColumnRole.Direction, ColumnRole.Amount, ColumnRole.Reference, ColumnRole.CounterpartyName],
        TimeZone: ChinaStandardTime);

    /// <summary>WeChat Pay's bill export (CSV, or XLSX since 2025).</summary>
    public static readonly StatementLayout WechatLayout = new(Wechat, "wechat",
        new Dictionary<ColumnRole, string[]>
        {
            [ColumnRole.Time] = ["交易时间"],
            [ColumnRole.CounterpartyName] = ["交易对方"],
            [ColumnRole.Direction] = ["收/支"],
            [ColumnRole.Amount] = ["金额(元)", "金额（元）"],
            [ColumnRole.Status] = ["当前状态"],
            [ColumnRole.Reference] = ["交易单号"],
        },
        [ColumnRole.Time, ColumnRole.Direction, ColumnRole.Amount, ColumnRole.Reference, ColumnRole.CounterpartyName],
        TimeZone: ChinaStandardTime);

    public static readonly IReadOnlyList<StatementLayout> BuiltIn = [CnBankLayout, AlipayLayout, WechatLayout];

    public static StatementLayout? Named(string profile) => BuiltIn.FirstOrDefault(l => l.Profile == profile);
}
