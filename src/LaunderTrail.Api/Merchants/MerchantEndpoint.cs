using LaunderTrail.Access;
using LaunderTrail.Api.Security;
using LaunderTrail.Flows;
using Microsoft.AspNetCore.Authorization;
using LaunderTrail.Api.Cases;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Wolverine.Http;

namespace LaunderTrail.Api.Merchants;

/// <summary>
/// <c>GET /merchants/{account}</c>: what one card merchant bought over all cases (the MerchantTotals read model). The
/// cases whose figures it shows are recorded in the list access log first; a case of hers that cannot be read is left
/// out of the totals and named under <c>unavailable</c>.
/// </summary>
public static class MerchantEndpoint
{
    [WolverineGet("/merchants/{account}")]
    [Authorize(Roles = Allowed.Readers)]
    public static async Task<IResult> Get(string account, FlowQueries queries, AccessLog log, TimeProvider clock, HttpContext context,
        ILogger<MerchantAnswer> logger, CancellationToken ct)
    {
        if (await queries.MerchantAsync(account, ct) is not { } figures)
            return ApiProblems.Of(StatusCodes.Status404NotFound, "No such merchant", $"no case records purchases by '{account}'");
        foreach (var failed in figures.Unavailable)
            logger.LogError(failed.Failure, "case {Case} left out of merchant {Account}'s totals: {Reason}", failed.Case, account, failed.Reason);
        var totals = figures.Totals;
        await AccessLogging.RecordFiguresShownAsync(context, log, clock, totals.Rows.Select(r => r.Case).Distinct(), ct);
        return Results.Json(new MerchantAnswer(totals.Id, totals.Holder, totals.Rows, totals.FaceValue, totals.Price, totals.Resales,
            totals.DiscountRate, figures.Unavailable.Select(u => new UnavailableCase(u.Case, u.Reason)).ToList()));
    }
}
