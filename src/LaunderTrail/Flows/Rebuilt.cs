using LaunderTrail.Court;

namespace LaunderTrail.Flows;

/// <summary>What a rebuild did: the facts traced into read models, and the cases refused because their events were altered.</summary>
public sealed record Rebuilt(long Facts, IReadOnlyList<TamperedCaseException> Refused);
