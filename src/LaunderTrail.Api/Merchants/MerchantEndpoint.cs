using LaunderTrail.Api.Security;
using LaunderTrail.Flows;
using LaunderTrail.Storage;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Wolverine.Http;

namespace LaunderTrail.Api.Merchants;

/// <summary><c>GET /merchants/{account}</c>: what one card merchant bought over all cases (the MerchantTotals read model).</summary>
public static class MerchantEndpoint
{
    [WolverineGet("/merchants/{account}")]
    [Authorize(Roles = Allowed.Readers)]
    public static async Task<IResult> Get(string account, CaseStore store, CancellationToken ct)
    {
        var totals = await new FlowQueries(store).MerchantAsync(account, ct);
        return totals is null
            ? ApiProblems.Of(StatusCodes.Status404NotFound, "No such merchant", $"no case records purchases by '{account}'")
            : Results.Json(totals);
    }
}
