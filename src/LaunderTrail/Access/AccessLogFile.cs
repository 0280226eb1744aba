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

    private const string CaseStreamPrefix = "access:";

    public static string StreamKey(string @case) => CaseStreamPrefix + @case;

    /// <summary>
    /// Whether a case number would share its stream with an access log: cases and access logs are streams of one
    /// table, so such a number is refused as a case number.
    /// </summary>
    public static bool IsAccessLogKey(string key) =>
        key == ListsStreamKey || key.StartsWith(CaseStreamPrefix, StringComparison.Ordinal);
}
