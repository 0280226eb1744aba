using LaunderTrail.Tracing;

namespace LaunderTrail.Court;

/// <summary>What a timeline bundle was asked for; the manifest states it so that anyone can regenerate the bundle.</summary>
/// <param name="AsOf">Only events that happened at or before this moment are shown and counted.</param>
/// <param name="KnownAt">Only events recorded at or before this moment are in the bundle.</param>
/// <param name="Rule">The tracing rule the figures are traced under; null for <see cref="DefaultRules"/>, side by side.</param>
public sealed record BundleParameters(string Case, DateTimeOffset? AsOf, DateTimeOffset? KnownAt, TracingRule? Rule = null)
{
    /// <summary>The rules a bundle traces its figures under when none is asked for: fifo, then pro-rata.</summary>
    public static IReadOnlyList<TracingRule> DefaultRules { get; } = [TracingRule.Fifo, TracingRule.ProRata];

    /// <summary>The rules the bundle's figures are traced under, in the order its files show them.</summary>
    public IReadOnlyList<TracingRule> Rules => Rule is { } rule ? [rule] : DefaultRules;
}
