namespace LaunderTrail.Generation.Statements;

/// <summary>What kind of account an institution keeps, which decides the statement it returns.</summary>
internal enum AccountKind
{
    BankCard,
    Alipay,
    WeChatPay,
}
