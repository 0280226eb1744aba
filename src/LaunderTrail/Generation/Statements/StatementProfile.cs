namespace LaunderTrail.Generation.Statements;

/// <summary>The layouts an institution returns a statement in; the name is the import's <c>--profile</c>.</summary>
public enum StatementProfile
{
    /// <summary>A bank's reply to a police transaction inquiry: GB18030 CSV with a running balance.</summary>
    CnBank,

    /// <summary>Alipay's personal bill export: GB18030 CSV with a preamble and a footer.</summary>
    Alipay,

    /// <summary>WeChat Pay's bill export: UTF-8 CSV, or XLSX since 2025.</summary>
    WeChat,
}

public static class StatementProfiles
{
    public static string Name(StatementProfile profile) => profile switch
    {
        StatementProfile.CnBank => "cn-bank",
        StatementProfile.Alipay => "alipay",
        StatementProfile.WeChat => "wechat",
        _ => throw new ArgumentOutOfRangeException(nameof(profile), profile, "unknown statement profile"),
    };
}
