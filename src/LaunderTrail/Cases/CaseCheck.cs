using LaunderTrail.Court;

namespace LaunderTrail.Cases;

/// <summary>A case whose every stored event was checked: its chain head, and the chain hash at a position asked about.</summary>
/// <param name="Head">The last event's position and chain hash; null when the case has no events.</param>
/// <param name="AtPosition">The chain hash at the position asked about; null when the case has fewer events.</param>
public sealed record CaseCheck(ChainHead? Head, ChainHead? AtPosition)
{
    public long Count => Head?.Position ?? 0;
}
