using LaunderTrail.Evidence;

namespace LaunderTrail.Court;

/// <summary>What the hash chain covers of a recorded fact: its place in the case, when it was recorded, the fact.</summary>
public sealed record ChainedRecord(long Seq, DateTimeOffset RecordedAt, CaseEvent Fact);
