namespace LaunderTrail.Access;

/// <summary>
/// The stream type of a case's access log, kept apart from the case's own stream (<c>CaseFile</c>) so that
/// the evidence stream and its hash chain are never touched by reads.
/// </summary>
public sealed record AccessLogFile(string Case)
{
    public static string StreamKey(string @case) => "access:" + @case;
}
