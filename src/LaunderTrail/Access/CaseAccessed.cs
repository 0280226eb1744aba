namespace LaunderTrail.Access;

/// <summary>
/// One read or write of a case through the API: who (the key's name and role), what (the endpoint and its
/// parameters, never a request body or a key) and when. Appended to the case's access stream.
/// </summary>
public sealed record CaseAccessed(
    string Case,
    string KeyName,
    string Role,
    string Endpoint,
    IReadOnlyDictionary<string, string> Parameters,
    DateTimeOffset At);
