namespace LaunderTrail.Tracing;

/// <summary>A fact left out of every figure, with the reason, for a person.</summary>
public sealed record Problem(string Id, string Reason);
