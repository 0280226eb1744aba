using LaunderTrail.Evidence;

namespace LaunderTrail.Cases;

/// <summary>
/// A fact as the case file holds it: its place in the case (1, 2, …), when and by whom it was recorded, the
/// import batch and source line it came with, and its digest and chain hash.
/// </summary>
public sealed record RecordedFact(
    long Seq,
    DateTimeOffset RecordedAt,
    string RecordedBy,
    string Batch,
    string Origin,
    string Digest,
    string Chain,
    CaseEvent Fact);
