using FluentValidation;
using LaunderTrail.Api.Security;
using LaunderTrail.Exports;
using LaunderTrail.Storage;
using LaunderTrail.Tracing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace LaunderTrail.Api.Cases;

/// <summary>
/// <c>GET /cases/{caseNumber}/path?from=&amp;to=&amp;rule=&amp;asOf=&amp;knownAt=&amp;maxHops=</c>: the routes of the flow graph
/// from a victim (or an account) to an account, byte for byte as <c>laundertrail path --json</c> writes them.
/// </summary>
public static class PathEndpoint
{
    public static ProblemDetails Validate(PathRequest request, IValidator<PathRequest> validator) =>
        QueryParameters.Check(validator, request);

    [WolverineGet("/cases/{caseNumber}/path")]
    [Authorize(Roles = Allowed.Readers)]
    public static async Task<IResult> Get(string caseNumber, [FromQuery] PathRequest request, CaseStore store, CancellationToken ct)
    {
        var graph = await GraphWithFacts.ReadAsync(store, caseNumber, request.TracingRule, request.AsOfMoment, request.KnownAtMoment, ct);
        var (from, to) = (request.From!, request.To!);
        if (graph is null) return ApiProblems.NoFacts(caseNumber);
        if (FlowPaths.StartOf(graph, from) is not { } start)
            return NotInGraph(caseNumber, "from", $"no victim is named '{from}' and no account '{from}' moved or received money in its flow graph");
        if (FlowPaths.AccountNode(graph, to) is null)
            return NotInGraph(caseNumber, "to", $"no account '{to}' moved or received money in its flow graph");

        var routes = FlowPaths.Find(graph, from, start, to, request.Hops);
        return Results.Bytes(FlowRoutesJson.Utf8(graph, request.KnownAtMoment, routes), "application/json");
    }

    private static IResult NotInGraph(string @case, string parameter, string reason) =>
        ApiProblems.Of(StatusCodes.Status404NotFound, "Not in the flow graph", $"case '{@case}': {reason}",
            new Dictionary<string, object?> { ["parameter"] = parameter });
}
