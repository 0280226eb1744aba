using FluentValidation;
using LaunderTrail.Tracing;

namespace LaunderTrail.Api.Cases;

/// <summary>
/// The query parameters of <c>GET /cases/{caseNumber}/accounts/{account}</c>: the rule the holdings are traced under, and
/// how long to wait for the read models to reflect every recorded fact.
/// </summary>
public sealed class AccountRequest
{
    public string? Rule { get; set; }
    public string? Wait { get; set; }

    public TimeSpan? Patience => QueryParameters.WaitOf(Wait);

    /// <summary>The rule named, or <see cref="FlowQuestion.DefaultRule"/> (valid parameters only).</summary>
    public TracingRule TracingRule => QueryParameters.RuleOf(Rule) ?? FlowQuestion.DefaultRule;
}

public sealed class AccountRequestValidator : AbstractValidator<AccountRequest>
{
    public AccountRequestValidator()
    {
        RuleFor(r => r.Rule).MustNameARule().OverridePropertyName("rule");
        RuleFor(r => r.Wait).MustBeAWait().OverridePropertyName("wait");
    }
}
