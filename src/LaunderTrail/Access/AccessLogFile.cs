namespace LaunderTrail.Access;

/// <summary>
/// The stream type of the access logs, kept apart from the cases' own streams (<c>CaseFile</c>) so that the evidence
/// streams and their hash chains are never touched by reads: one log per case, and one for the figures of several
/// cases shown at once (the case list, a merchant's totals).
/// </summary>
public sealed record AccessLogFile(string Case)
{
    /// <summary>The stream of the list access log (<see cref="CaseFiguresShown"/>).</summary>
    public const string ListsStreamKey = "access-lists";

    public static string StreamKey(string @case) => "access:" + @case;
}
