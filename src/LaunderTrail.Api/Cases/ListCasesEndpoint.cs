using LaunderTrail.Access;
using LaunderTrail.Api.Security;
using LaunderTrail.Flows;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Wolverine.Http;

namespace LaunderTrail.Api.Cases;

/// <summary>
/// One line of <c>GET /cases</c>: a case's figures under the pro-rata rule, from its flow read model, which reflects the
/// case's facts up to <paramref name="Traced"/> of <paramref name="Recorded"/>.
/// </summary>
public sealed record CaseRow(string Case, int Victims, decimal TotalLoss, decimal ResaleCash, DateTimeOffset? LastEventAt,
    long Recorded, long Traced);

/// <summary>A case left out of the list because its figures could not be read, and why.</summary>
public sealed record UnavailableCase(string Case, string Reason);

/// <summary>The answer of <c>GET /cases</c>: the cases whose figures could be read, and those that could not.</summary>
public sealed record CaseList(IReadOnlyList<CaseRow> Cases, IReadOnlyList<UnavailableCase> Unavailable);

/// <summary>
/// <c>GET /cases</c>: every case with its victims, loss, resale cash and last event time, as the read models stored
/// them. A case whose last trace was refused, or that is not traced yet, is named under <c>unavailable</c> instead, so
/// one broken case never takes the list (and with it every sign-in of the browser view) down. The cases whose figures
/// are shown are recorded in the list access log first.
/// </summary>
public static class ListCasesEndpoint
{
    [WolverineGet("/cases")]
    [Authorize(Roles = Allowed.Readers)]
    public static async Task<CaseList> Get(FlowQueries queries, AccessLog log, TimeProvider clock, HttpContext context,
        CancellationToken ct)
    {
        var cases = await queries.CasesAsync(ct);
        var rows = cases.Shown
            .Select(c => new CaseRow(c.Flows.Id, c.Flows.Victims, Math.Round(c.Flows.ProRataTotals.VictimLoss, 2),
                Math.Round(c.Flows.ProRataTotals.ResaleCash, 2), c.Flows.LastEventAt, c.Status.Recorded, c.Status.Traced))
            .ToList();
        await AccessLogging.RecordFiguresShownAsync(context, log, clock, rows.Select(r => r.Case), ct);
        var unavailable = cases.Refused.Select(u => new UnavailableCase(u.Case, u.Reason))
            .Concat(cases.Untraced.Select(u => new UnavailableCase(u.Case, $"its {u.Recorded} recorded facts are still being traced")))
            .OrderBy(u => u.Case, StringComparer.Ordinal)
            .ToList();
        return new CaseList(rows, unavailable);
    }
}
