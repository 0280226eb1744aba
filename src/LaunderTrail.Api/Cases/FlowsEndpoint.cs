using LaunderTrail.Api.Security;
using LaunderTrail.Flows;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace LaunderTrail.Api.Cases;

/// <summary>
/// <c>GET /cases/{caseNumber}/flows?rule=&amp;asOf=&amp;knownAt=&amp;wait=</c>: the flow report of the interchange format,
/// byte for byte (<see cref="WrittenFlows"/>).
/// </summary>
public static class FlowsEndpoint
{
    public static ProblemDetails Validate(FlowQuestion question, IValidator<FlowQuestion> validator) =>
        QueryParameters.Check(validator, question);

    [WolverineGet("/cases/{caseNumber}/flows")]
    [Authorize(Roles = Allowed.Readers)]
    public static Task<IResult> Get(string caseNumber, [FromQuery] FlowQuestion question, FlowQueries queries,
        HttpContext context, CancellationToken ct) =>
        WrittenFlows.AnswerAsync(queries, caseNumber, question, StoredForm.Report, context, ct);
}
