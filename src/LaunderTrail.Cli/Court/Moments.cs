using LaunderTrail.Evidence;

namespace LaunderTrail.Cli.Court;

/// <summary>Reads the moments given on the command line: ISO-8601 with an offset, like the evidence itself.</summary>
internal static class Moments
{
    public static bool TryParse(string? text, string option, out DateTimeOffset? moment, out string? error)
    {
        moment = null;
        error = null;
        if (text is null) return true;
        moment = InstantWithOffsetConverter.Parse(text);
        if (moment is not null) return true;
        error = $"{option}: '{text}' is not an ISO-8601 time with an offset, e.g. 2019-05-03T10:45:00+08:00";
        return false;
    }
}
