using LaunderTrail.Court;

namespace LaunderTrail.Cases;

/// <summary>The outcome of <see cref="StoredChainCheck"/>: the case's chain head, and the first failure if any.</summary>
/// <param name="Head">The last event's position and chain hash; null when the case has no events or a check failed first.</param>
public sealed record StoredChainOutcome(ChainHead? Head, VerificationFailure? Failure);
