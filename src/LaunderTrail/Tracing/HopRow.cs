using LaunderTrail.Evidence;

namespace LaunderTrail.Tracing;

/// <summary>A non-victim account that received part of a victim's loss straight from her accounts.</summary>
public sealed record HopRow(string Account, string Holder, AccountRole Role, decimal Amount);
