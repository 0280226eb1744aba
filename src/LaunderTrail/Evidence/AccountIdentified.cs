namespace LaunderTrail.Evidence;

/// <summary>An account is attributed to a holder with a role in the scheme; applies to all of its events.</summary>
public sealed record AccountIdentified : CaseEvent
{
    public required string Account { get; init; }
    public required string Holder { get; init; }
    public required AccountRole Role { get; init; }
    public string? Institution { get; init; }
}
