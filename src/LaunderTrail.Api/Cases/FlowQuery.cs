using LaunderTrail.Evidence;
using LaunderTrail.Tracing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace LaunderTrail.Api.Cases;

/// <summary>The query parameters of a flow question: the tracing rule, and the moments "as of" and "known at".</summary>
internal sealed record FlowQuery(TracingRule Rule, DateTimeOffset? AsOf, DateTimeOffset? KnownAt)
{
    public static FlowQuery? TryParse(string? rule, string? asOf, string? knownAt, out ProblemDetails? problem)
    {
        problem = null;
        var parsedRule = TracingRule.ProRata;
        if (rule is not null && !TracingRules.TryParse(rule, out parsedRule))
            problem = Bad("rule", "must be fifo, pro-rata or libr");
        var parsedAsOf = asOf is null ? null : InstantWithOffsetConverter.Parse(asOf);
        if (asOf is not null && parsedAsOf is null) problem ??= Bad("asOf", TimeHint);
        var parsedKnownAt = knownAt is null ? null : InstantWithOffsetConverter.Parse(knownAt);
        if (knownAt is not null && parsedKnownAt is null) problem ??= Bad("knownAt", TimeHint);
        return problem is null ? new FlowQuery(parsedRule, parsedAsOf, parsedKnownAt) : null;
    }

    private const string TimeHint = "must be an ISO-8601 time with an offset, e.g. 2019-05-15T00:00:00+08:00";

    private static ProblemDetails Bad(string parameter, string reason) => new()
    {
        Status = StatusCodes.Status400BadRequest,
        Title = "Invalid query parameter",
        Detail = $"{parameter} {reason}",
        Extensions = { ["parameter"] = parameter },
    };
}
