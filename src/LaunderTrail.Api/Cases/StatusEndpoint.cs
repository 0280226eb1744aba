using FluentValidation;
using LaunderTrail.Api.Security;
using LaunderTrail.Flows;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace LaunderTrail.Api.Cases;

/// <summary>
/// <c>GET /cases/{caseNumber}/status?wait=SECONDS</c>: <c>{ "recorded": N, "traced": M }</c>, the case's last recorded
/// fact and the last one its read models reflect, and <c>refused</c>, why, when the last trace of the case was refused;
/// with <c>wait</c>, answers once they meet, once the case is refused, or when the wait is over.
/// </summary>
public static class StatusEndpoint
{
    public static ProblemDetails Validate(StatusRequest request, IValidator<StatusRequest> validator) =>
        QueryParameters.Check(validator, request);

    [WolverineGet("/cases/{caseNumber}/status")]
    [Authorize(Roles = Allowed.Readers)]
    public static async Task<IResult> Get(string caseNumber, [FromQuery] StatusRequest request, FlowQueries queries,
        CancellationToken ct)
    {
        var status = await queries.StatusAsync(caseNumber, request.Patience, ct);
        if (status is null) return ApiProblems.NoFacts(caseNumber);
        return status.Refusal is null
            ? Results.Json(new { recorded = status.Recorded, traced = status.Traced })
            : Results.Json(new { recorded = status.Recorded, traced = status.Traced, refused = status.Refusal });
    }
}
