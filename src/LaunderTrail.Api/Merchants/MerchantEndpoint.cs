using LaunderTrail.Access;
using LaunderTrail.Api.Security;
using LaunderTrail.Flows;
using LaunderTrail.Storage;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Wolverine.Http;

namespace LaunderTrail.Api.Merchants;

/// <summary>
/// <c>GET /merchants/{account}</c>: what one card merchant bought over all cases (the MerchantTotals read model). The
/// cases whose figures it shows are recorded in the list access log first.
/// </summary>
public static class MerchantEndpoint
{
    [WolverineGet("/merchants/{account}")]
    [Authorize(Roles = Allowed.Readers)]
    public static async Task<IResult> Get(string account, CaseStore store, AccessLog log, TimeProvider clock, HttpContext context,
        CancellationToken ct)
    {
        var totals = await new FlowQueries(store).MerchantAsync(account, ct);
        if (totals is null)
            return ApiProblems.Of(StatusCodes.Status404NotFound, "No such merchant", $"no case records purchases by '{account}'");
        await AccessLogging.RecordFiguresShownAsync(context, log, clock, totals.Rows.Select(r => r.Case), ct);
        return Results.Json(totals);
    }
}
