namespace LaunderTrail.Tracing;

/// <summary>The facts that move money or prepaid value, the only ones a ledger applies.</summary>
internal enum MoneyMove : byte
{
    Loan,
    Transfer,
    Purchase,
    Handover,
    Resale,
}
