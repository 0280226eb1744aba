using System.Globalization;
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
    public static ProblemDetails Validate(string? from, string? to, string? rule, string? asOf, string? knownAt, string? maxHops)
    {
        if (FlowQuery.Problem(rule, asOf, knownAt) is { } problem) return problem;
        if (string.IsNullOrEmpty(from)) return FlowQuery.Bad("from", "needs a victim's holder name or an account");
        if (string.IsNullOrEmpty(to)) return FlowQuery.Bad("to", "needs an account");
        if (maxHops is not null && HopsOf(maxHops) is null)
            return FlowQuery.Bad("maxHops", $"must be a whole number from 1 to {FlowPaths.MostHops}");
        return WolverineContinue.NoProblems;
    }

    [WolverineGet("/cases/{caseNumber}/path")]
    [Authorize(Roles = Allowed.Readers)]
    public static async Task<IResult> Get(string caseNumber, string? from, string? to, string? rule, string? asOf, string? knownAt,
        string? maxHops, CaseStore store, CancellationToken ct)
    {
        var query = FlowQuery.Of(rule, asOf, knownAt);
        var graph = await GraphWithFacts.ReadAsync(store, caseNumber, query.Rule, query.AsOf, query.KnownAt, ct);
        if (graph is null) return ApiProblems.NoFacts(caseNumber);
        if (FlowPaths.StartOf(graph, from!) is not { } start)
            return NotInGraph(caseNumber, "from", $"no victim is named '{from}' and no account '{from}' moved or received money in its flow graph");
        if (FlowPaths.AccountNode(graph, to!) is null)
            return NotInGraph(caseNumber, "to", $"no account '{to}' moved or received money in its flow graph");

        var routes = FlowPaths.Find(graph, from!, start, to!, maxHops is null ? FlowPaths.DefaultMaxHops : HopsOf(maxHops)!.Value);
        return Results.Bytes(FlowRoutesJson.Utf8(graph, query.KnownAt, routes), "application/json");
    }

    private static int? HopsOf(string maxHops) =>
        int.TryParse(maxHops, NumberStyles.None, CultureInfo.InvariantCulture, out var hops) && hops is >= 1 and <= FlowPaths.MostHops
            ? hops
            : null;

    private static IResult NotInGraph(string @case, string parameter, string reason) =>
        ApiProblems.Of(StatusCodes.Status404NotFound, "Not in the flow graph", $"case '{@case}': {reason}",
            new Dictionary<string, object?> { ["parameter"] = parameter });
}
