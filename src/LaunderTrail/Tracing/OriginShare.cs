namespace LaunderTrail.Tracing;

/// <summary>An origin's part of an edge: a victim's holder name, or <see cref="Unattributed"/>. A value: a large case's graph holds hundreds of thousands.</summary>
public readonly record struct OriginShare(string Origin, decimal Amount)
{
    public const string Unattributed = "unattributed";
}
