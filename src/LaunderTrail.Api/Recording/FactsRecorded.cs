namespace LaunderTrail.Api.Recording;

/// <summary>
/// Facts were committed to a case: its versions <paramref name="FromVersion"/> to <paramref name="ToVersion"/> are
/// recorded. Published through Wolverine's Marten outbox with the case's <see cref="RecordedFactsAnnounced"/> mark, so
/// it is delivered at least once for every recorded version (a repeat is harmless: its consumers read the case as stored).
/// </summary>
public sealed record FactsRecorded(string Case, long FromVersion, long ToVersion);
