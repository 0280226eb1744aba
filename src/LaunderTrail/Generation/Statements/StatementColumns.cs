namespace LaunderTrail.Generation.Statements;

/// <summary>How one layout shows what every layout shows: the other side of a row.</summary>
internal static class StatementColumns
{
    /// <summary>
    /// The counterparty as a statement of <paramref name="profile"/> names it: a masked number on bank statements and
    /// Alipay bills, a WeChat bill's "bank (last digits)" for a card.
    /// </summary>
    public static string Counterparty(StatementProfile profile, StatementAccount counterparty) =>
        profile == StatementProfile.WeChat ? counterparty.CardInWeChat : counterparty.Masked;
}
