namespace LaunderTrail.Storage;

/// <summary>The stream type of a case: every fact of one case is appended to the stream keyed by its case number.</summary>
public sealed record CaseFile(string Case);
