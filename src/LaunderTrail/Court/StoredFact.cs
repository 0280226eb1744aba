namespace LaunderTrail.Court;

/// <summary>
/// One row of a case's event table as it is read back, before anything is believed of it: the fact's JSON as stored,
/// the hashes and recording time stored beside it, and the chain hash stored on the row before it (null for the first).
/// </summary>
/// <param name="Wanted">Whether the read wants the fact itself, not only checked (false for a fact recorded after
/// the moment asked about).</param>
/// <param name="Problem">What is wrong with the row's place in the case, found while reading (a gap, a version past
/// the stream's), or null; such a row is refused before anything else is looked at.</param>
internal sealed record StoredFact(
    long Version,
    byte[] Data,
    string? Digest,
    string? Chain,
    string? RecordedAt,
    string? PreviousChain,
    bool Wanted,
    string RecordedBy,
    string Batch,
    string Origin,
    string? Problem = null);
