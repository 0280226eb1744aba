namespace LaunderTrail.Access;

/// <summary>
/// Per-case figures shown outside a read of one case (the case list, a merchant's totals over all cases): who (the
/// key's name and role), through which endpoint and parameters, which cases' figures (sorted), and when. Appended to
/// the list access log (<see cref="AccessLogFile.ListsStreamKey"/>).
/// </summary>
public sealed record CaseFiguresShown(
    string KeyName,
    string Role,
    string Endpoint,
    IReadOnlyDictionary<string, string> Parameters,
    IReadOnlyList<string> Cases,
    DateTimeOffset At);
