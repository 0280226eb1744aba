namespace LaunderTrail.Evidence;

/// <summary>The gang made contact with a victim. Moves no money in the trace.</summary>
public sealed record VictimContacted : CaseEvent
{
    public required string Victim { get; init; }

    /// <summary>The account or number that made contact.</summary>
    public required string By { get; init; }
    public required string Channel { get; init; }
    public string? Pretext { get; init; }
}
