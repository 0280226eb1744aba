namespace LaunderTrail.Flows;

/// <summary>The stream type of a case's recording notices (<see cref="CaseFactsRecorded"/>), kept apart from the case's own facts.</summary>
public sealed record CaseRecordings(string Case);
