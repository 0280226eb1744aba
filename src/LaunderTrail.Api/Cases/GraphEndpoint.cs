using LaunderTrail.Api.Security;
using LaunderTrail.Flows;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace LaunderTrail.Api.Cases;

/// <summary>
/// <c>GET /cases/{caseNumber}/graph?rule=&amp;asOf=&amp;knownAt=&amp;wait=</c>: the flow graph of the interchange format,
/// every hop, byte for byte as <c>laundertrail flows --graph --json</c> writes it (<see cref="WrittenFlows"/>).
/// </summary>
public static class GraphEndpoint
{
    public static ProblemDetails Validate(FlowQuestion question, IValidator<FlowQuestion> validator) =>
        QueryParameters.Check(validator, question);

    [WolverineGet("/cases/{caseNumber}/graph")]
    [Authorize(Roles = Allowed.Readers)]
    public static Task<IResult> Get(string caseNumber, [FromQuery] FlowQuestion question, FlowQueries queries,
        HttpContext context, CancellationToken ct) =>
        WrittenFlows.AnswerAsync(queries, caseNumber, question, StoredForm.Graph, context, ct);
}
