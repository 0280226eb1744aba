namespace LaunderTrail.Access;

/// <summary>An entry of the list access log as the log holds it: its place in that log and its chain hash.</summary>
public sealed record ListAccessRecord(long Seq, string Chain, CaseFiguresShown Access);
