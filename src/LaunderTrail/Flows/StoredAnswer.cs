namespace LaunderTrail.Flows;

/// <summary>What the read models stored for a case, and how far they reflect its recorded facts.</summary>
public sealed record StoredAnswer<T>(T Value, CaseStatus Status);
