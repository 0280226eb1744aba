namespace LaunderTrail.Flows;

/// <summary>A merchant's totals over the cases that could be read, and the cases that could not.</summary>
public sealed record MerchantFigures(MerchantTotals Totals, IReadOnlyList<UnreadableCase> Unavailable);
