using LaunderTrail.Evidence;

namespace LaunderTrail.Tracing;

/// <summary>Cash and prepaid face value of one origin that a non-victim account still holds.</summary>
public sealed record HoldingRow(string Account, string Holder, AccountRole Role, decimal Cash, decimal FaceValue);
