using LaunderTrail.Api.Security;
using LaunderTrail.Flows;
using LaunderTrail.Tracing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace LaunderTrail.Api.Cases;

/// <summary><c>GET /cases/{caseNumber}/flows?rule=&amp;asOf=&amp;knownAt=</c>: the flow report of the interchange format, byte for byte.</summary>
public static class FlowsEndpoint
{
    public static ProblemDetails Validate(string? rule, string? asOf, string? knownAt) => FlowQuery.Check(rule, asOf, knownAt);

    [WolverineGet("/cases/{caseNumber}/flows")]
    [Authorize(Roles = Allowed.Readers)]
    public static async Task<IResult> Get(string caseNumber, string? rule, string? asOf, string? knownAt, FlowQueries queries,
        CancellationToken ct)
    {
        var query = FlowQuery.Of(rule, asOf, knownAt);
        var report = await queries.OpenReportJsonAsync(caseNumber, query.Rule, query.AsOf, query.KnownAt, ct);
        return report is null ? ApiProblems.NoFacts(caseNumber) : Results.Stream(report, "application/json");
    }
}
