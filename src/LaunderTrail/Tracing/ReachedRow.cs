namespace LaunderTrail.Tracing;

/// <summary>A resale buyer that bought value traced to a victim: that face value and the cash it paid for it.</summary>
public sealed record ReachedRow(string Account, string Holder, decimal FaceValue, decimal Cash);
