using LaunderTrail.Api.Security;
using LaunderTrail.Flows;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace LaunderTrail.Api.Cases;

/// <summary>
/// <c>GET /cases/{caseNumber}/graph?rule=&amp;asOf=&amp;knownAt=</c>: the flow graph of the interchange format, every hop,
/// byte for byte as <c>laundertrail flows --graph --json</c> writes it: as the case stands now, the graph the read model
/// stored; as of another moment, traced from the checked events.
/// </summary>
public static class GraphEndpoint
{
    public static ProblemDetails Validate(FlowQuestion question, IValidator<FlowQuestion> validator) =>
        QueryParameters.Check(validator, question);

    [WolverineGet("/cases/{caseNumber}/graph")]
    [Authorize(Roles = Allowed.Readers)]
    public static async Task<IResult> Get(string caseNumber, [FromQuery] FlowQuestion question, FlowQueries queries,
        CancellationToken ct)
    {
        var graph = await queries.OpenGraphJsonAsync(caseNumber, question.TracingRule, question.AsOfMoment, question.KnownAtMoment, ct);
        return graph is null ? ApiProblems.NoFacts(caseNumber) : Results.Stream(graph, "application/json");
    }
}
