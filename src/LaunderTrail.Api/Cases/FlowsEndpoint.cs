using LaunderTrail.Api.Security;
using LaunderTrail.Flows;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace LaunderTrail.Api.Cases;

/// <summary><c>GET /cases/{caseNumber}/flows?rule=&amp;asOf=&amp;knownAt=</c>: the flow report of the interchange format, byte for byte.</summary>
public static class FlowsEndpoint
{
    public static ProblemDetails Validate(FlowQuestion question, IValidator<FlowQuestion> validator) =>
        QueryParameters.Check(validator, question);

    [WolverineGet("/cases/{caseNumber}/flows")]
    [Authorize(Roles = Allowed.Readers)]
    public static async Task<IResult> Get(string caseNumber, [FromQuery] FlowQuestion question, FlowQueries queries,
        CancellationToken ct)
    {
        var report = await queries.OpenReportJsonAsync(caseNumber, question.TracingRule, question.AsOfMoment, question.KnownAtMoment, ct);
        return report is null ? ApiProblems.NoFacts(caseNumber) : Results.Stream(report, "application/json");
    }
}
