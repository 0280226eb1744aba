namespace LaunderTrail.Evidence;

/// <summary>
/// A correction: an earlier fact of the case is withdrawn. The fact stays recorded; reports leave it out.
/// </summary>
public sealed record EventRetracted : CaseEvent
{
    /// <summary>The <see cref="CaseEvent.Id"/> of the withdrawn fact.</summary>
    public required string Retracts { get; init; }
    public required string Reason { get; init; }
}
