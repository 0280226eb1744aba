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
/// <c>GET /cases/{caseNumber}/export?format=graphml|gexf|i2|neo4j&amp;rule=&amp;asOf=&amp;knownAt=</c>: the flow graph as a
/// file for an analyst's tool, the same bytes as <c>laundertrail export</c> writes; neo4j's nodes.csv and edges.csv come
/// as one zip. Traced on demand from the checked events.
/// </summary>
public static class ExportEndpoint
{
    public static ProblemDetails Validate(ExportRequest request, IValidator<ExportRequest> validator) =>
        QueryParameters.Check(validator, request);

    [WolverineGet("/cases/{caseNumber}/export")]
    [Authorize(Roles = Allowed.Readers)]
    public static async Task<IResult> Get(string caseNumber, [FromQuery] ExportRequest request, CaseStore store, CancellationToken ct)
    {
        var format = request.ExportFormat;
        var graph = await GraphWithFacts.ReadAsync(store, caseNumber, request.TracingRule, request.AsOfMoment, request.KnownAtMoment, ct);
        if (graph is null) return ApiProblems.NoFacts(caseNumber);
        var fileName = $"{caseNumber}.{TracingRules.Name(request.TracingRule)}.{GraphExport.FileExtension(format)}";
        return Results.File(GraphExport.Bytes(graph, format), GraphExport.ContentType(format), fileName);
    }
}
