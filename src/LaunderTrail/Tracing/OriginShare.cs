namespace LaunderTrail.Tracing;

/// <summary>An origin's part of an edge: a victim's holder name, or <see cref="Unattributed"/>.</summary>
public sealed record OriginShare(string Origin, decimal Amount)
{
    public const string Unattributed = "unattributed";
}
