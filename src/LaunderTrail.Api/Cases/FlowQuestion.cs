using FluentValidation;
using LaunderTrail.Tracing;

namespace LaunderTrail.Api.Cases;

/// <summary>
/// The query parameters of a flow question (<c>?rule=&amp;asOf=&amp;knownAt=</c>), bound from the query string and
/// checked by <see cref="FlowQuestionValidator"/> before the endpoint runs.
/// </summary>
public class FlowQuestion
{
    /// <summary>The rule a flow question is traced under when it names none.</summary>
    public const TracingRule DefaultRule = TracingRule.ProRata;

    public string? Rule { get; set; }
    public string? AsOf { get; set; }
    public string? KnownAt { get; set; }

    /// <summary>The rule named, or null when none is (valid parameters only).</summary>
    public TracingRule? NamedRule => QueryParameters.RuleOf(Rule);

    /// <summary>The rule named, or <see cref="DefaultRule"/>.</summary>
    public TracingRule TracingRule => NamedRule ?? DefaultRule;

    public DateTimeOffset? AsOfMoment => QueryParameters.MomentOf(AsOf);
    public DateTimeOffset? KnownAtMoment => QueryParameters.MomentOf(KnownAt);
}

/// <summary>rule, then asOf, then knownAt: each absent or well formed.</summary>
public class FlowQuestionValidator : AbstractValidator<FlowQuestion>
{
    public FlowQuestionValidator()
    {
        RuleFor(q => q.Rule).MustNameARule().OverridePropertyName("rule");
        RuleFor(q => q.AsOf).MustBeAMoment().OverridePropertyName("asOf");
        RuleFor(q => q.KnownAt).MustBeAMoment().OverridePropertyName("knownAt");
    }
}
