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
        using var client = Client(AuditorKey);
        var folder = Directory.CreateTempSubdirectory("laundertrail-export-").FullName;
        try
        {
            var response = await client.GetAsync($"/cases/EX-2/export?format={format}&rule=libr", Ct);
            var again = await client.GetByteArrayAsync($"/cases/EX-2/export?format={format}&rule=libr", Ct);
            var output = Path.Combine(folder, "out");
            var command = await RunCommandAsync("export", "--case", MixedCase.Case, "--rule", "libr", "--format", format, "--out", output);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
            Assert.Equal(fileName, response.Content.Headers.ContentDisposition?.FileName);
            var body = await response.Content.ReadAsByteArrayAsync(Ct);
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
        using var client = Client(InvestigatorKey);

        var unknown = await client.GetAsync("/cases/EX-2/export?format=pajek", Ct);
        var missing = await client.GetAsync("/cases/EX-2/export", Ct);
        var badRule = await client.GetAsync("/cases/EX-2/export?format=gexf&rule=lifo", Ct);
        var unknownCase = await client.GetAsync("/cases/EX-404/export?format=gexf", Ct);
        var asOf = await client.GetByteArrayAsync("/cases/EX-2/export?format=i2&asOf=2019-05-03T10:45:00%2B08:00", Ct);

        foreach (var bad in new[] { unknown, missing, badRule })
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
        }
        using var problem = JsonDocument.Parse(await unknown.Content.ReadAsStringAsync(Ct));
        Assert.Equal("format must be graphml, gexf, i2 or neo4j", problem.RootElement.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.NotFound, unknownCase.StatusCode);
        Assert.Equal(GraphExport.Bytes(Exports.ExportedFiles.MixedCaseGraph(TracingRule.ProRata, DateTimeOffset.Parse("2019-05-03T10:45:00+08:00")),
            GraphExportFormat.I2), asOf);
    }

    [Fact]
    public async Task Auditors_and_investigators_export_the_court_does_not_and_every_export_is_in_the_access_log()
    {
        await MixedCase.ImportAsync(Store, Ct);
        using var investigator = Client(InvestigatorKey);
        using var auditor = Client(AuditorKey);
        using var court = Client(CourtKey);
        using var nobody = Client(null);

        Assert.Equal(HttpStatusCode.OK, (await auditor.GetAsync("/cases/EX-2/export?format=gexf", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await investigator.GetAsync("/cases/EX-2/export?format=i2&rule=fifo", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await court.GetAsync("/cases/EX-2/export?format=gexf", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await nobody.GetAsync("/cases/EX-2/export?format=gexf", Ct)).StatusCode);

        using var log = JsonDocument.Parse(await investigator.GetStringAsync("/cases/EX-2/access-log", Ct));
        var exports = log.RootElement.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("access"))
            .Where(a => a.GetProperty("endpoint").GetString() == "GET /cases/{caseNumber}/export").ToList();
        Assert.Equal(["aldo-auditor auditor", "ines-investigator investigator"],
            exports.Select(a => $"{a.GetProperty("keyName")} {a.GetProperty("role")}"));
        Assert.Equal("i2", exports[1].GetProperty("parameters").GetProperty("format").GetString());
    }
}
