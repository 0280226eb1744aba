namespace LaunderTrail.Flows;

/// <summary>
/// How far the case read models have come: <see cref="Recorded"/> is the case's last recorded fact (its stream version),
/// <see cref="Traced"/> the last fact its read models reflect. While traced is behind, newer facts are still being traced,
/// unless <see cref="Refusal"/> says why they cannot be.
/// </summary>
public sealed record CaseStatus(long Recorded, long Traced, string? Refusal = null)
{
    public bool IsCurrent => Traced >= Recorded;

    /// <summary>Nothing more will happen without new facts: every fact is traced, or the last trace was refused.</summary>
    public bool IsSettled => IsCurrent || Refusal is not null;
}
