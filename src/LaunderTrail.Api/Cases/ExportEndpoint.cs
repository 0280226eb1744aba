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
    public static ProblemDetails Validate(string? format, string? rule, string? asOf, string? knownAt)
    {
        if (format is null || !GraphExportFormats.TryParse(format, out _))
            return FlowQuery.Bad("format", $"must be {GraphExportFormats.Names}");
        return FlowQuery.Check(rule, asOf, knownAt);
    }

    [WolverineGet("/cases/{caseNumber}/export")]
    [Authorize(Roles = Allowed.Readers)]
    public static async Task<IResult> Get(string caseNumber, string? format, string? rule, string? asOf, string? knownAt,
        CaseStore store, CancellationToken ct)
    {
        GraphExportFormats.TryParse(format!, out var parsed);
        var query = FlowQuery.Of(rule, asOf, knownAt);
        var graph = await GraphWithFacts.ReadAsync(store, caseNumber, query.Rule, query.AsOf, query.KnownAt, ct);
        if (graph is null) return ApiProblems.NoFacts(caseNumber);
        var fileName = $"{caseNumber}.{TracingRules.Name(query.Rule)}.{GraphExport.FileExtension(parsed)}";
        return Results.File(GraphExport.Bytes(graph, parsed), GraphExport.ContentType(parsed), fileName);
    }
}
