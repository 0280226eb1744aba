namespace LaunderTrail.Flows;

/// <summary>
/// The last attempt to trace a case failed on the case itself (its events altered, its figures beyond arithmetic): kept
/// so that a read answers why rather than a report of fewer facts, until a trace of the case succeeds and removes it.
/// </summary>
public sealed class CaseRefusal
{
    /// <summary>The case number.</summary>
    public required string Id { get; init; }

    /// <summary>The case's last recorded fact when the trace was refused.</summary>
    public required long Recorded { get; init; }

    /// <summary>Why, as a reader may see it (<see cref="UnreadableCase.ReasonOf"/>).</summary>
    public required string Reason { get; init; }
}
