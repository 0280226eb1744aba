namespace LaunderTrail.Evidence;

/// <summary>A lender paid a loan into an account (often one the victim was talked into taking).</summary>
public sealed record LoanDisbursed : CaseEvent, IMoneyFact
{
    public required string Lender { get; init; }
    public required string To { get; init; }
    public required decimal Amount { get; init; }
    public string Currency { get; init; } = Currencies.Default;
}
