namespace LaunderTrail.Flows;

/// <summary>A case's last recorded fact and the latest forms its read models stored (<see cref="StoredReports.ReadLatestAsync"/>).</summary>
internal sealed record LatestForms(long Recorded, IReadOnlyList<LatestForm> Forms);

/// <summary>
/// One rule's stored form, compressed, traced up to the fact <paramref name="LastSeq"/>; <paramref name="Intact"/> while
/// that fact still carries the chain hash it was traced from.
/// </summary>
internal sealed record LatestForm(Tracing.TracingRule Rule, long LastSeq, bool Intact, byte[] Packed);
