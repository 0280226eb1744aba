using LaunderTrail.Evidence;
using LaunderTrail.Tracing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace LaunderTrail.Api.Cases;

/// <summary>
/// The query parameters of a flow question, checked and read in one place for every endpoint that asks one: the tracing
/// rule, and the moments "as of" and "known at". An endpoint's <c>Validate</c> returns <see cref="Check"/> (or builds
/// on <see cref="Problem"/>), and its handler reads the parameters with <see cref="Of"/>.
/// </summary>
internal sealed record FlowQuery(TracingRule Rule, DateTimeOffset? AsOf, DateTimeOffset? KnownAt)
{
    /// <summary>The rule a flow question is traced under when it names none.</summary>
    public const TracingRule DefaultRule = TracingRule.ProRata;

    private const string TimeHint = "must be an ISO-8601 time with an offset, e.g. 2019-05-15T00:00:00+08:00";

    /// <summary>What an endpoint's <c>Validate</c> returns: the first bad parameter as a 400, or no problem.</summary>
    public static ProblemDetails Check(string? rule, string? asOf, string? knownAt) =>
        Problem(rule, asOf, knownAt) ?? WolverineContinue.NoProblems;

    /// <returns>The first bad parameter (rule, then asOf, then knownAt) as a 400, or null when all are good.</returns>
    public static ProblemDetails? Problem(string? rule, string? asOf, string? knownAt)
    {
        if (rule is not null && RuleOf(rule) is null) return Bad("rule", "must be fifo, pro-rata or libr");
        if (asOf is not null && MomentOf(asOf) is null) return Bad("asOf", TimeHint);
        if (knownAt is not null && MomentOf(knownAt) is null) return Bad("knownAt", TimeHint);
        return null;
    }

    /// <summary>The parameters, once <see cref="Check"/> found no problem with them; <see cref="DefaultRule"/> when none is named.</summary>
    public static FlowQuery Of(string? rule, string? asOf, string? knownAt) =>
        new(RuleOf(rule) ?? DefaultRule, MomentOf(asOf), MomentOf(knownAt));

    /// <returns>The rule named, or null when none is or the name is not a rule's.</returns>
    public static TracingRule? RuleOf(string? rule) => rule is not null && TracingRules.TryParse(rule, out var parsed) ? parsed : null;

    /// <summary>A 400 naming the query parameter and why it was refused.</summary>
    public static ProblemDetails Bad(string parameter, string reason) => new()
    {
        Status = StatusCodes.Status400BadRequest,
        Title = "Invalid query parameter",
        Detail = $"{parameter} {reason}",
        Extensions = { ["parameter"] = parameter },
    };

    private static DateTimeOffset? MomentOf(string? text) => text is null ? null : InstantWithOffsetConverter.Parse(text);
}
