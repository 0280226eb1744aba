namespace LaunderTrail.Generation.Statements;

/// <summary>
/// How statements show one of the case's accounts: its number in full (as its own statement names it), its
/// masked form (as other statements name it as a counterparty) and its holder's name in Chinese.
/// </summary>
/// <param name="Account">The case's account id.</param>
/// <param name="Number">Card number, Alipay login or WeChat Pay account number.</param>
/// <param name="Masked">The number as a counterparty's statement shows it, e.g. <c>6228****1234</c>.</param>
/// <param name="Institution">The institution's Chinese name, e.g. 中国农业银行.</param>
internal sealed record StatementAccount(string Account, AccountKind Kind, string Number, string Masked, string Holder, string Institution)
{
    public StatementProfile Profile => Kind switch
    {
        AccountKind.BankCard => StatementProfile.CnBank,
        AccountKind.Alipay => StatementProfile.Alipay,
        _ => StatementProfile.WeChat,
    };

    /// <summary>How a WeChat bill names a bank card it paid: the bank and the card's last four digits.</summary>
    public string CardInWeChat => Kind == AccountKind.BankCard ? $"{Institution}({Number[^4..]})" : Masked;
}
