using LaunderTrail.Api.Security;
using LaunderTrail.Flows;
using LaunderTrail.Storage;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace LaunderTrail.Api.Cases;

/// <summary>One line of <c>GET /cases</c>: a case's figures under the pro-rata rule, from its flow read model.</summary>
public sealed record CaseRow(string Case, int Victims, decimal TotalLoss, decimal ResaleCash, DateTimeOffset? LastEventAt);

/// <summary><c>GET /cases</c>: every case with its victims, loss, resale cash and last event time.</summary>
public static class ListCasesEndpoint
{
    [WolverineGet("/cases")]
    [Authorize(Roles = Allowed.Readers)]
    public static async Task<IReadOnlyList<CaseRow>> Get(CaseStore store, CancellationToken ct)
    {
        await new FlowProjector(store).RefreshStaleAsync(ct);
        await using var session = store.Documents.QuerySession();
        var flows = await session.Query<CaseFlows>().ToListAsync(ct);
        return flows
            .OrderBy(f => f.Id, StringComparer.Ordinal)
            .Select(f => new CaseRow(f.Id, f.Victims, Math.Round(f.ProRataTotals.VictimLoss, 2),
                Math.Round(f.ProRataTotals.ResaleCash, 2), f.LastEventAt))
            .ToList();
    }
}
