using LaunderTrail.Access;
using LaunderTrail.Api.Security;
using LaunderTrail.Flows;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Wolverine.Http;

namespace LaunderTrail.Api.Cases;

/// <summary>One line of <c>GET /cases</c>: a case's figures under the pro-rata rule, from its flow read model.</summary>
public sealed record CaseRow(string Case, int Victims, decimal TotalLoss, decimal ResaleCash, DateTimeOffset? LastEventAt);

/// <summary>A case left out of the list because its figures could not be read, and why.</summary>
public sealed record UnavailableCase(string Case, string Reason);

/// <summary>The answer of <c>GET /cases</c>: the cases whose figures could be read, and those that could not.</summary>
public sealed record CaseList(IReadOnlyList<CaseRow> Cases, IReadOnlyList<UnavailableCase> Unavailable);

/// <summary>
/// <c>GET /cases</c>: every case with its victims, loss, resale cash and last event time. A case whose figures cannot
/// be computed is named under <c>unavailable</c> instead, so one broken case never takes the list (and with it every
/// sign-in of the browser view) down. The cases whose figures are shown are recorded in the list access log first.
/// </summary>
public static class ListCasesEndpoint
{
    [WolverineGet("/cases")]
    [Authorize(Roles = Allowed.Readers)]
    public static async Task<CaseList> Get(FlowProjector projector, IQuerySession session, AccessLog log, TimeProvider clock, HttpContext context,
        ILogger<CaseList> logger, CancellationToken ct)
    {
        var unreadable = await projector.RefreshStaleAsync(ct);
        foreach (var failed in unreadable)
            logger.LogError(failed.Failure, "case {Case} left out of the case list: {Reason}", failed.Case, failed.Reason);
        var left = unreadable.Select(u => u.Case).ToHashSet(StringComparer.Ordinal);

        var flows = await session.Query<CaseFlows>().ToListAsync(ct);
        var rows = flows
            .Where(f => !left.Contains(f.Id))
            .OrderBy(f => f.Id, StringComparer.Ordinal)
            .Select(f => new CaseRow(f.Id, f.Victims, Math.Round(f.ProRataTotals.VictimLoss, 2),
                Math.Round(f.ProRataTotals.ResaleCash, 2), f.LastEventAt))
            .ToList();
        await AccessLogging.RecordFiguresShownAsync(context, log, clock, rows.Select(r => r.Case), ct);
        var unavailable = unreadable.OrderBy(u => u.Case, StringComparer.Ordinal).Select(u => new UnavailableCase(u.Case, u.Reason)).ToList();
        return new CaseList(rows, unavailable);
    }
}
