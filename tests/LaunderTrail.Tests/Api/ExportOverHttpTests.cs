using System.Net;
using System.Text.Json;
using LaunderTrail.Exports;
using LaunderTrail.Tests.Court;
using LaunderTrail.Tests.Support;
using LaunderTrail.Tracing;
using static LaunderTrail.Tests.Exports.ExportedFiles;

namespace LaunderTrail.Tests.Api;

/// <summary><c>GET /cases/{caseNumber}/export</c>: the flow graph as a file for an analyst's tool, for the readers of a case, logged.</summary>
public sealed class ExportOverHttpTests(PostgresServer server) : ApiFixture(server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("graphml", "application/graphml+xml", "EX-2.libr.graphml")]
    [InlineData("gexf", "application/gexf+xml", "EX-2.libr.gexf")]
    [InlineData("i2", "text/csv", "EX-2.libr.csv")]
    [InlineData("neo4j", "application/zip", "EX-2.libr.zip")]
    public async Task Each_format_comes_with_its_content_type_and_file_name_and_the_same_bytes_as_the_command(
        string format, string contentType, string fileName)
    {
        await MixedCase.ImportAsync(Store, Ct);
        var folder = Directory.CreateTempSubdirectory("laundertrail-export-").FullName;
        try
        {
            var response = await AnswerAsync(AuditorKey, $"/cases/EX-2/export?format={format}&rule=libr");
            var again = BytesOf(await GetAsync(AuditorKey, $"/cases/EX-2/export?format={format}&rule=libr"));
            var output = Path.Combine(folder, "out");
            var command = await RunCommandAsync("export", "--case", MixedCase.Case, "--rule", "libr", "--format", format, "--out", output);

            Assert.Equal(HttpStatusCode.OK, StatusOf(response));
            Assert.Equal(contentType, MediaTypeOf(response));
            Assert.Equal(fileName, FileNameOf(response));
            var body = BytesOf(response);
            Assert.Equal(body, again);
            Assert.Equal(0, command.ExitCode);
            if (format == "neo4j")
            {
                var entries = ZipEntries(body);
                Assert.Equal(["nodes.csv", "edges.csv"], entries.Keys);
                Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(output, "nodes.csv"), Ct), entries["nodes.csv"]);
                Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(output, "edges.csv"), Ct), entries["edges.csv"]);
                Assert.Equal(SpecGraph("libr").GetProperty("edges").GetArrayLength(), CsvRows(entries["edges.csv"]).Count - 1);
            }
            else Assert.Equal(await File.ReadAllBytesAsync(output, Ct), body);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task An_unknown_or_missing_format_or_a_bad_rule_is_a_problem_and_an_unknown_case_is_not_found()
    {
        await MixedCase.ImportAsync(Store, Ct);

        var unknown = await AnswerAsync(InvestigatorKey, "/cases/EX-2/export?format=pajek");
        var missing = await AnswerAsync(InvestigatorKey, "/cases/EX-2/export");
        var badRule = await AnswerAsync(InvestigatorKey, "/cases/EX-2/export?format=gexf&rule=lifo");
        var unknownCase = await AnswerAsync(InvestigatorKey, "/cases/EX-404/export?format=gexf");
        var asOf = BytesOf(await GetAsync(InvestigatorKey, "/cases/EX-2/export?format=i2&asOf=2019-05-03T10:45:00%2B08:00"));

        foreach (var bad in new[] { unknown, missing, badRule })
        {
            Assert.Equal(HttpStatusCode.BadRequest, StatusOf(bad));
            Assert.Equal("application/problem+json", MediaTypeOf(bad));
        }
        using var problem = JsonDocument.Parse(await unknown.ReadAsTextAsync());
        Assert.Equal("format must be graphml, gexf, i2 or neo4j", problem.RootElement.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.NotFound, StatusOf(unknownCase));
        Assert.Equal(GraphExport.Bytes(Exports.ExportedFiles.MixedCaseGraph(TracingRule.ProRata, DateTimeOffset.Parse("2019-05-03T10:45:00+08:00")),
            GraphExportFormat.I2), asOf);
    }

    [Fact]
    public async Task Auditors_and_investigators_export_the_court_does_not_and_every_export_is_in_the_access_log()
    {
        await MixedCase.ImportAsync(Store, Ct);

        await GetAsync(AuditorKey, "/cases/EX-2/export?format=gexf", HttpStatusCode.OK);
        await GetAsync(InvestigatorKey, "/cases/EX-2/export?format=i2&rule=fifo", HttpStatusCode.OK);
        await GetAsync(CourtKey, "/cases/EX-2/export?format=gexf", HttpStatusCode.Forbidden);
        await GetAsync(null, "/cases/EX-2/export?format=gexf", HttpStatusCode.Unauthorized);

        using var log = await JsonOf(await GetAsync(InvestigatorKey, "/cases/EX-2/access-log"));
        var exports = log.RootElement.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("access"))
            .Where(a => a.GetProperty("endpoint").GetString() == "GET /cases/{caseNumber}/export").ToList();
        Assert.Equal(["aldo-auditor auditor", "ines-investigator investigator"],
            exports.Select(a => $"{a.GetProperty("keyName")} {a.GetProperty("role")}"));
        Assert.Equal("i2", exports[1].GetProperty("parameters").GetProperty("format").GetString());
    }
}
