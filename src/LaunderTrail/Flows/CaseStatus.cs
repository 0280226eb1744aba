namespace LaunderTrail.Flows;

/// <summary>
/// How far the case read models have come: <see cref="Recorded"/> is the case's last recorded fact (its stream version),
/// <see cref="Traced"/> the last fact its read models reflect. While traced is behind, newer facts are still being traced.
/// </summary>
public sealed record CaseStatus(long Recorded, long Traced)
{
    public bool IsCurrent => Traced >= Recorded;
}
