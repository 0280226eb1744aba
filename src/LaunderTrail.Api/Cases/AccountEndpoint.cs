using System.Text.Json;
using FluentValidation;
using LaunderTrail.Api.Security;
using LaunderTrail.Cases;
using LaunderTrail.Flows;
using LaunderTrail.Tracing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace LaunderTrail.Api.Cases;

/// <summary>A recorded fact that names the account, in the interchange format, with its place and recording time.</summary>
public sealed record Movement(long Seq, DateTimeOffset RecordedAt, JsonElement Fact);

/// <summary>What the account still holds of one victim's money (Victim null: of unknown origin), traced under the rule.</summary>
public sealed record TracedHolding(string? Victim, string Role, decimal Cash, decimal FaceValue);

public sealed record AccountView(string Case, string Account, string Rule, IReadOnlyList<Movement> Movements,
    IReadOnlyList<TracedHolding> Holdings);

/// <summary>
/// <c>GET /cases/{caseNumber}/accounts/{account}?rule=&amp;wait=</c>: the account's movements and its holdings as the read
/// models traced them, with the headers that say how far they reflect the recorded facts (<see cref="ReadModelHeaders"/>).
/// </summary>
public static class AccountEndpoint
{
    public static ProblemDetails Validate(AccountRequest request, IValidator<AccountRequest> validator) =>
        QueryParameters.Check(validator, request);

    [WolverineGet("/cases/{caseNumber}/accounts/{account}")]
    [Authorize(Roles = Allowed.Readers)]
    public static async Task<IResult> Get(string caseNumber, string account, [FromQuery] AccountRequest request, FlowQueries queries, CaseHistory history,
        HttpContext context, CancellationToken ct)
    {
        if (await queries.StoredReportAsync(caseNumber, request.TracingRule, request.Patience, ct) is not { } stored)
            return ApiProblems.NoFacts(caseNumber);
        ReadModelHeaders.Add(context.Response, stored.Status);
        var report = stored.Value;

        var movements = new List<Movement>();
        await foreach (var recorded in history.ReadAsync(caseNumber, ct: ct))
        {
            // The movements are those of the facts the holdings were traced from.
            if (recorded.Seq > stored.Status.Traced) break;
            var fact = AccountMentions.ToJson(recorded.Fact);
            if (AccountMentions.Names(fact, account)) movements.Add(new Movement(recorded.Seq, recorded.RecordedAt, fact));
        }

        var holdings = report.Victims
            .SelectMany(v => v.Holdings.Where(h => h.Account == account).Select(h => Holding(v.Holder, h)))
            .Concat(report.UnattributedHoldings.Where(h => h.Account == account).Select(h => Holding(null, h)))
            .ToList();
        return Results.Json(new AccountView(caseNumber, account, TracingRules.Name(request.TracingRule), movements, holdings));
    }

    private static TracedHolding Holding(string? victim, HoldingRow row) =>
        new(victim, RoleNames.Of(row.Role), Math.Round(row.Cash, 2), Math.Round(row.FaceValue, 2));
}
