using System.Globalization;
using FluentValidation;
using LaunderTrail.Tracing;

namespace LaunderTrail.Api.Cases;

/// <summary>The query parameters of <c>GET /cases/{caseNumber}/path</c>: the flow question, where from, where to, how far.</summary>
public sealed class PathRequest : FlowQuestion
{
    public string? From { get; set; }
    public string? To { get; set; }
    public string? MaxHops { get; set; }

    /// <summary>The most hops a route may take (valid parameters only).</summary>
    public int Hops => MaxHops is null ? FlowPaths.DefaultMaxHops : HopsOf(MaxHops)!.Value;

    internal static int? HopsOf(string maxHops) =>
        int.TryParse(maxHops, NumberStyles.None, CultureInfo.InvariantCulture, out var hops) && hops is >= 1 and <= FlowPaths.MostHops
            ? hops
            : null;
}

/// <summary>The flow question's parameters first, then from, to (both required) and maxHops.</summary>
public sealed class PathRequestValidator : AbstractValidator<PathRequest>
{
    public PathRequestValidator()
    {
        Include(new FlowQuestionValidator());
        RuleFor(r => r.From).NotEmpty().WithMessage("needs a victim's holder name or an account").OverridePropertyName("from");
        RuleFor(r => r.To).NotEmpty().WithMessage("needs an account").OverridePropertyName("to");
        RuleFor(r => r.MaxHops).Must(h => h is null || PathRequest.HopsOf(h) is not null)
            .WithMessage($"must be a whole number from 1 to {FlowPaths.MostHops}").OverridePropertyName("maxHops");
    }
}
