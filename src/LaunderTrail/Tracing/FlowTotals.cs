namespace LaunderTrail.Tracing;

public sealed record FlowTotals(
    decimal VictimLoss,
    decimal PrepaidFaceValue,
    decimal PrepaidPaid,
    decimal ResoldFaceValue,
    decimal ResaleCash)
{
    public decimal LaunderingCost => ResoldFaceValue - ResaleCash;
}
