using System.ComponentModel;
using LaunderTrail.Tracing;
using Spectre.Console;
using Spectre.Console.Cli;

namespace LaunderTrail.Cli;

/// <summary>The options every command that traces a case shares: which case, under which rule, as of which moments.</summary>
public abstract class TracedCaseSettings : DatabaseSettings
{
    [CommandOption("--case <CASE>")]
    [Description("The case number, e.g. SQ-2019-515.")]
    public required string Case { get; init; }

    [CommandOption("--rule <RULE>")]
    [Description("Tracing rule for mixed money: fifo, pro-rata or libr (default pro-rata).")]
    public string? Rule { get; init; }

    [CommandOption("--as-of <TIME>")]
    [Description("Only facts that happened by this time (ISO-8601 with offset): the case as it stood then.")]
    public string? AsOf { get; init; }

    [CommandOption("--known-at <TIME>")]
    [Description("Only facts recorded by this time: the case as LaunderTrail knew it then.")]
    public string? KnownAt { get; init; }

    /// <summary>The rule asked for, pro-rata when none is (valid once <see cref="CheckRuleAndMoments"/> passed).</summary>
    public TracingRule TracingRule
    {
        get
        {
            var rule = TracingRule.ProRata;
            if (Rule is not null) TracingRules.TryParse(Rule, out rule);
            return rule;
        }
    }

    /// <summary>The rule, when given, is one LaunderTrail knows, and the moments are instants with an offset.</summary>
    protected ValidationResult CheckRuleAndMoments()
    {
        if (Rule is not null && !TracingRules.TryParse(Rule, out _)) return ValidationResult.Error("--rule must be fifo, pro-rata or libr");
        var asOf = TimeOption.Check(AsOf, "--as-of");
        return asOf.Successful ? TimeOption.Check(KnownAt, "--known-at") : asOf;
    }
}
