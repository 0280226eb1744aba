namespace LaunderTrail.Tracing;

/// <summary>The names the interchange format and the command line give the tracing rules.</summary>
public static class TracingRules
{
    public static string Name(TracingRule rule) => rule switch
    {
        TracingRule.Fifo => "fifo",
        TracingRule.ProRata => "pro-rata",
        TracingRule.Libr => "libr",
        _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, "unknown tracing rule"),
    };

    public static bool TryParse(string name, out TracingRule rule)
    {
        foreach (var candidate in Enum.GetValues<TracingRule>())
        {
            if (string.Equals(Name(candidate), name, StringComparison.Ordinal))
            {
                rule = candidate;
                return true;
            }
        }
        rule = default;
        return false;
    }
}
