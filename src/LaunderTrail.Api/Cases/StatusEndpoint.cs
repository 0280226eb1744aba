using System.Globalization;
using LaunderTrail.Api.Security;
using LaunderTrail.Flows;
using LaunderTrail.Storage;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace LaunderTrail.Api.Cases;

/// <summary>
/// <c>GET /cases/{caseNumber}/status?wait=SECONDS</c>: <c>{ "recorded": N, "traced": M }</c>, the case's last recorded
/// fact and the last one its read models reflect; with <c>wait</c>, answers once they meet or when the wait is over.
/// </summary>
public static class StatusEndpoint
{
    /// <summary>The longest wait a request may ask for: longer waits belong to a client that polls.</summary>
    public const int MaxWaitSeconds = 300;

    public static ProblemDetails Validate(string? wait) =>
        wait is null || WaitOf(wait) is not null
            ? WolverineContinue.NoProblems
            : FlowQuery.Bad("wait", $"must be a whole number of seconds from 0 to {MaxWaitSeconds}");

    [WolverineGet("/cases/{caseNumber}/status")]
    [Authorize(Roles = Allowed.Readers)]
    public static async Task<IResult> Get(string caseNumber, string? wait, CaseStore store, CancellationToken ct)
    {
        var patience = wait is null ? (TimeSpan?)null : TimeSpan.FromSeconds(WaitOf(wait)!.Value);
        var status = await new FlowQueries(store).StatusAsync(caseNumber, patience, ct);
        return status is null ? ApiProblems.NoFacts(caseNumber) : Results.Json(new { recorded = status.Recorded, traced = status.Traced });
    }

    private static int? WaitOf(string wait) =>
        int.TryParse(wait, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds <= MaxWaitSeconds ? seconds : null;
}
