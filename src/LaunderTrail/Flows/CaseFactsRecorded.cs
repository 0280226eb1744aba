namespace LaunderTrail.Flows;

/// <summary>
/// The facts of a case were recorded up to <paramref name="Version"/> of its stream: the notice the case read models'
/// projection follows (<see cref="CaseFlowsProjection"/>). One is written per case in the transaction that records its
/// facts, to a stream of its own (<see cref="RecordingNotices"/>), so the projection reads one small event per import
/// rather than every fact: it traces the whole case from its checked events anyway.
/// </summary>
public sealed record CaseFactsRecorded(string Case, long Version);
