using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using LaunderTrail.Access;
using LaunderTrail.Cases;
using LaunderTrail.Court;
using LaunderTrail.Evidence;
using LaunderTrail.Tests.Import.Statements;
using LaunderTrail.Tests.Support;

namespace LaunderTrail.Tests.Api;

public sealed class StatementUploadTests(PostgresServer server) : ApiFixture(server), IDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private readonly StatementSamples _files = new();

    public void Dispose() => _files.Dispose();

    private static MultipartFormDataContent Upload(params (string Part, string Path)[] files)
    {
        var form = new MultipartFormDataContent();
        foreach (var (part, path) in files)
        {
            var content = new ByteArrayContent(File.ReadAllBytes(path));
            content.Headers.ContentType = MediaTypeHeaderValue.Parse("text/csv");
            form.Add(content, part, Path.GetFileName(path));
        }

        return form;
    }

    [Fact]
    public async Task Uploaded_statements_are_recorded_once_matched_and_logged_like_posted_facts()
    {
        using var client = Client(InvestigatorKey);
        var aliases = _files.Write("aliases.csv", new System.Text.UTF8Encoding(false), "shown,account", "6228****5678,acc-li");

        var response = await client.PostAsync("/cases/T-1/statements",
            Upload(("statement", _files.ZhengBank()), ("statement", _files.WangBank()), ("aliases", aliases)), Ct);
        var again = await client.PostAsync("/cases/T-1/statements", Upload(("statement", _files.ZhengBank())), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal(6, body.RootElement.GetProperty("recorded").GetInt64());
        var statements = body.RootElement.GetProperty("statements").EnumerateArray().ToList();
        Assert.Equal(["zheng-bank.csv", "wang-bank.csv"], statements.Select(s => s.GetProperty("file").GetString()));
        Assert.Equal(1, statements[1].GetProperty("rowsMatched").GetInt32());
        Assert.Equal(["6222****1234"], body.RootElement.GetProperty("unresolved").EnumerateArray().Select(e => e.GetString()));
        using var second = JsonDocument.Parse(await again.Content.ReadAsStringAsync(Ct));
        Assert.Equal(0, second.RootElement.GetProperty("recorded").GetInt64());
        Assert.Equal(["zheng-bank.csv: recorded earlier as zheng-bank.csv; nothing recorded"],
            second.RootElement.GetProperty("alreadyImported").EnumerateArray().Select(e => e.GetString()));

        var facts = new List<CaseEvent>();
        await foreach (var fact in new CaseHistory(Store).ReadAsync("T-1", ct: Ct)) facts.Add(fact.Fact);
        Assert.Contains(facts.OfType<FundsTransferred>(), t => t.To == "acc-li");
        Assert.Null(await StoredChainCheck.RunAsync(new CaseHistory(Store), "T-1", Ct));
        var log = await new AccessLog(Store.Documents).ReadAsync("T-1", Ct);
        Assert.Equal(2, log.Count(r => r.Access.Endpoint == "POST /cases/{caseNumber}/statements" && r.Access.KeyName == "ines-investigator"));
    }

    [Fact]
    public async Task A_bad_statement_is_refused_with_every_row_as_problem_details_and_nothing_is_written()
    {
        using var client = Client(InvestigatorKey);
        var bad = _files.Write("bad.csv", StatementSamples.Gb18030, StatementSamples.CnBankHeader,
            "6222020000001234\t,郑䶮,2019-04-29 09:00:00,abc,1000.00,进,6228000000000001\t,郑䶮,存入,B1\t,成功,");

        var response = await client.PostAsync("/cases/T-1/statements", Upload(("statement", bad), ("statement", _files.ZhengBank())), Ct);
        var auditor = await Client(AuditorKey).PostAsync("/cases/T-1/statements", Upload(("statement", _files.ZhengBank())), Ct);
        var notMultipart = await client.PostAsync("/cases/T-1/statements", new StringContent("x"), Ct);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        var error = Assert.Single(problem.RootElement.GetProperty("errors").EnumerateArray());
        Assert.Equal(("bad.csv", 2, "交易金额", "'abc' is not an amount"),
            (error.GetProperty("file").GetString(), error.GetProperty("row").GetInt32(), error.GetProperty("field").GetString(),
                error.GetProperty("reason").GetString()));
        Assert.Equal(HttpStatusCode.Forbidden, auditor.StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, notMultipart.StatusCode);
        Assert.Equal(0, await ScalarAsync("select count(*) from {schema}.mt_events where stream_id = 'T-1'"));
    }
}
