using FluentValidation;
using LaunderTrail.Tracing;

namespace LaunderTrail.Api.Cases;

/// <summary>
/// The query parameters of a flow question (<c>?rule=&amp;asOf=&amp;knownAt=&amp;wait=</c>), bound from the query string
/// and checked by <see cref="FlowQuestionValidator"/> before the endpoint runs. <c>wait</c> is for a question about the
/// case as it stands: how long to wait for the read models to reflect every recorded fact.
/// </summary>
public class FlowQuestion
{
    /// <summary>The rule a flow question is traced under when it names none.</summary>
    public const TracingRule DefaultRule = TracingRule.ProRata;

    public string? Rule { get; set; }
    public string? AsOf { get; set; }
    public string? KnownAt { get; set; }
    public string? Wait { get; set; }

    /// <summary>The rule named, or null when none is (valid parameters only).</summary>
    public TracingRule? NamedRule => QueryParameters.RuleOf(Rule);

    /// <summary>The rule named, or <see cref="DefaultRule"/>.</summary>
    public TracingRule TracingRule => NamedRule ?? DefaultRule;

    public DateTimeOffset? AsOfMoment => QueryParameters.MomentOf(AsOf);
    public DateTimeOffset? KnownAtMoment => QueryParameters.MomentOf(KnownAt);
    public TimeSpan? Patience => QueryParameters.WaitOf(Wait);

    /// <summary>Whether the question is about another moment than the case as it stands: a replay, traced from the events.</summary>
    public bool IsReplay => AsOf is not null || KnownAt is not null;
}

/// <summary>rule, then asOf, then knownAt, then wait: each absent or well formed.</summary>
public class FlowQuestionValidator : AbstractValidator<FlowQuestion>
{
    public FlowQuestionValidator()
    {
        RuleFor(q => q.Rule).MustNameARule().OverridePropertyName("rule");
        RuleFor(q => q.AsOf).MustBeAMoment().OverridePropertyName("asOf");
        RuleFor(q => q.KnownAt).MustBeAMoment().OverridePropertyName("knownAt");
        RuleFor(q => q.Wait).MustBeAWait().OverridePropertyName("wait");
    }
}
