using LaunderTrail.Access;
using LaunderTrail.Api.Security;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace LaunderTrail.Api.Cases;

/// <summary>The access log of a case as the API shows it, with whether its hash chain still holds.</summary>
public sealed record AccessLogView(string Case, bool ChainHolds, IReadOnlyList<AccessRecord> Entries);

/// <summary><c>GET /cases/{caseNumber}/access-log</c>, for investigators: who read or wrote the case, when, through which endpoint.</summary>
public static class AccessLogEndpoint
{
    [WolverineGet("/cases/{caseNumber}/access-log")]
    [Authorize(Roles = Allowed.Writers)]
    public static async Task<AccessLogView> Get(string caseNumber, AccessLog log, CancellationToken ct)
    {
        var entries = await log.ReadAsync(caseNumber, ct);
        return new AccessLogView(caseNumber, AccessChain.FirstBroken(entries) is null, entries);
    }
}
