using FluentValidation;

namespace LaunderTrail.Api.Cases;

/// <summary>The query parameters of <c>GET /cases/{caseNumber}/status</c>: how long to wait for the read models, if at all.</summary>
public sealed class StatusRequest
{
    public string? Wait { get; set; }

    public TimeSpan? Patience => QueryParameters.WaitOf(Wait);
}

public sealed class StatusRequestValidator : AbstractValidator<StatusRequest>
{
    public StatusRequestValidator() => RuleFor(r => r.Wait).MustBeAWait().OverridePropertyName("wait");
}
