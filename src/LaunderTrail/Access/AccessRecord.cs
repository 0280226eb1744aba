namespace LaunderTrail.Access;

/// <summary>An access as the log holds it: its place in the case's access log and its chain hash.</summary>
public sealed record AccessRecord(long Seq, string Chain, CaseAccessed Access);
