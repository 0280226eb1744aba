using System.Net;
using System.Text.Json;
using LaunderTrail.Tests.Court;
using LaunderTrail.Tests.Support;
using LaunderTrail.Tests.Tracing;
using LaunderTrail.Tracing;

namespace LaunderTrail.Tests.Api;

/// <summary><c>GET /cases/{caseNumber}/graph</c>: the flow graph of the interchange format, for the readers of a case, logged.</summary>
public sealed class GraphOverHttpTests(PostgresServer server) : ApiFixture(server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("fifo")]
    [InlineData("pro-rata")]
    [InlineData("libr")]
    public async Task The_graph_is_the_conformance_graph_byte_for_byte_and_the_same_bytes_as_the_command(string rule)
    {
        await MixedCase.ImportAsync(Store, Ct);
        await TracedAsync(MixedCase.Case);

        var response = await AnswerAsync(AuditorKey, $"/cases/EX-2/graph?rule={rule}");
        var command = await RunCommandAsync("flows", "--case", MixedCase.Case, "--rule", rule, "--graph", "--json");

        Assert.Equal(HttpStatusCode.OK, StatusOf(response));
        Assert.Equal("application/json", MediaTypeOf(response));
        var body = BytesOf(response);
        Assert.Equal(System.Text.Encoding.UTF8.GetBytes(SpecExamples.ReadText($"mixed-case.{rule}.graph.json")), body);
        Assert.Equal(command.Output, System.Text.Encoding.UTF8.GetString(body));
    }

    [Fact]
    public async Task The_graph_defaults_to_pro_rata_answers_as_of_a_moment_and_refuses_a_bad_query_or_an_unknown_case()
    {
        await MixedCase.ImportAsync(Store, Ct);
        await TracedAsync(MixedCase.Case);
        var asOf = DateTimeOffset.Parse("2019-05-03T10:45:00+08:00");

        var byDefault = await (await GetAsync(InvestigatorKey, "/cases/EX-2/graph")).ReadAsTextAsync();
        var earlier = await (await GetAsync(InvestigatorKey, "/cases/EX-2/graph?rule=libr&asOf=2019-05-03T10:45:00%2B08:00")).ReadAsTextAsync();
        var knownBeforeImport = await AnswerAsync(InvestigatorKey, "/cases/EX-2/graph?knownAt=2026-11-24T00:00:00Z");
        var badRule = await AnswerAsync(InvestigatorKey, "/cases/EX-2/graph?rule=lifo");
        var badTime = await AnswerAsync(InvestigatorKey, "/cases/EX-2/graph?asOf=yesterday");
        var unknownCase = await AnswerAsync(InvestigatorKey, "/cases/EX-404/graph");

        Assert.Equal(SpecExamples.ReadText("mixed-case.pro-rata.graph.json"), byDefault);
        Assert.Equal(FlowGraphJson.Write(FlowTracer.TraceWithGraph(MixedCase.Case, SpecExamples.ReadEvents("mixed-case.jsonl"),
            TracingRule.Libr, asOf).Graph), earlier);
        Assert.Equal(HttpStatusCode.NotFound, StatusOf(knownBeforeImport));
        foreach (var bad in new[] { badRule, badTime })
        {
            Assert.Equal(HttpStatusCode.BadRequest, StatusOf(bad));
            Assert.Equal("application/problem+json", MediaTypeOf(bad));
        }
        Assert.Equal(HttpStatusCode.NotFound, StatusOf(unknownCase));
        await GetAsync(InvestigatorKey, "/cases/EX-404/flows", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Auditors_and_investigators_read_the_graph_the_court_does_not_and_every_read_is_in_the_access_log()
    {
        await MixedCase.ImportAsync(Store, Ct);
        await TracedAsync(MixedCase.Case);

        await GetAsync(AuditorKey, "/cases/EX-2/graph?rule=fifo", HttpStatusCode.OK);
        await GetAsync(InvestigatorKey, "/cases/EX-2/graph", HttpStatusCode.OK);
        await GetAsync(CourtKey, "/cases/EX-2/graph", HttpStatusCode.Forbidden);
        await GetAsync(null, "/cases/EX-2/graph", HttpStatusCode.Unauthorized);

        using var log = await JsonOf(await GetAsync(InvestigatorKey, "/cases/EX-2/access-log"));
        var graphReads = log.RootElement.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("access"))
            .Where(a => a.GetProperty("endpoint").GetString() == "GET /cases/{caseNumber}/graph").ToList();
        Assert.Equal(["aldo-auditor auditor", "ines-investigator investigator"],
            graphReads.Select(a => $"{a.GetProperty("keyName")} {a.GetProperty("role")}"));
        Assert.Equal("fifo", graphReads[0].GetProperty("parameters").GetProperty("rule").GetString());
    }

    [Fact]
    public async Task The_openapi_document_and_so_the_reference_page_list_the_graph()
    {

        using var openApi = await JsonOf(await GetAsync(null, "/openapi/v1.json"));

        Assert.True(openApi.RootElement.GetProperty("paths").TryGetProperty("/cases/{caseNumber}/graph", out var graph));
        Assert.True(graph.TryGetProperty("get", out _));
    }
}
