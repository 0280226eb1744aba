using System.IO.Compression;
using System.Net;
using System.Text.Json;
using Alba;
using LaunderTrail.Cases;
using LaunderTrail.Court;
using LaunderTrail.Flows;
using LaunderTrail.Tests.Support;
using LaunderTrail.Tracing;

namespace LaunderTrail.Tests.Api;

public sealed class ReadingCasesTests(PostgresServer server) : ApiFixture(server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task RecordedCaseAsync()
    {
        await PostFactsAsync(InvestigatorKey, "/cases/T-1/events", SmallCase.Facts);
        await TracedAsync("T-1");
    }

    [Fact]
    public async Task Cases_lists_each_case_with_victims_loss_resale_cash_and_last_event()
    {
        await RecordedCaseAsync();

        using var cases = await JsonOf(await GetAsync(AuditorKey, "/cases"));

        var row = Assert.Single(cases.RootElement.GetProperty("cases").EnumerateArray());
        Assert.Empty(cases.RootElement.GetProperty("unavailable").EnumerateArray());
        Assert.Equal("T-1", row.GetProperty("case").GetString());
        Assert.Equal(1, row.GetProperty("victims").GetInt32());
        Assert.Equal(1000m, row.GetProperty("totalLoss").GetDecimal());
        Assert.Equal(570m, row.GetProperty("resaleCash").GetDecimal());
        Assert.Equal(DateTimeOffset.Parse("2019-04-29T12:00:00+08:00"), row.GetProperty("lastEventAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task Flows_are_exactly_the_flow_report_json_for_every_rule_and_moment()
    {
        await RecordedCaseAsync();
        var queries = new FlowQueries(Store);
        var asOf = DateTimeOffset.Parse("2019-04-29T11:00:00+08:00");

        var proRata = await (await GetAsync(AuditorKey, "/cases/T-1/flows")).ReadAsTextAsync();
        var fifoEarlier = await (await GetAsync(AuditorKey, "/cases/T-1/flows?rule=fifo&asOf=2019-04-29T11:00:00%2B08:00")).ReadAsTextAsync();
        var badRule = await GetAsync(AuditorKey, "/cases/T-1/flows?rule=lifo", HttpStatusCode.BadRequest);
        await GetAsync(AuditorKey, "/cases/T-404/flows", HttpStatusCode.NotFound);

        Assert.Equal(FlowReportJson.Write((await queries.ReportAsync("T-1", TracingRule.ProRata, ct: Ct))!), proRata);
        Assert.Equal(FlowReportJson.Write((await queries.ReportAsync("T-1", TracingRule.Fifo, asOf, ct: Ct))!), fifoEarlier);
        Assert.Equal("application/problem+json", MediaTypeOf(badRule));
    }

    [Fact]
    public async Task Timeline_is_the_court_bundle_as_a_zip_or_one_file_by_format()
    {
        await RecordedCaseAsync();
        var records = new List<ChainedRecord>();
        await foreach (var r in new CaseHistory(Store).ReadAsync("T-1", ct: Ct)) records.Add(new ChainedRecord(r.Seq, r.RecordedAt, r.Fact));
        var expected = TimelineBundle.Build(records, new BundleParameters("T-1", null, null), GeneratorVersion.Current);

        var zipResponse = await GetAsync(AuditorKey, "/cases/T-1/timeline");
        var markdown = BytesOf(await GetAsync(AuditorKey, "/cases/T-1/timeline?format=md"));
        await GetAsync(AuditorKey, "/cases/T-1/timeline?format=pdf", HttpStatusCode.BadRequest);

        Assert.Equal("application/zip", MediaTypeOf(zipResponse));
        await using var zip = new ZipArchive(new MemoryStream(BytesOf(zipResponse)));
        Assert.Equal(expected.Select(f => f.Name), zip.Entries.Select(e => e.FullName));
        foreach (var file in expected)
        {
            await using var entry = await zip.GetEntry(file.Name)!.OpenAsync(Ct);
            using var content = new MemoryStream();
            await entry.CopyToAsync(content, Ct);
            Assert.Equal(file.Content, content.ToArray());
        }

        Assert.Equal(expected.Single(f => f.Name == "timeline.md").Content, markdown);
    }

    [Fact]
    public async Task Timeline_is_written_under_the_rule_asked_for_and_an_unknown_rule_is_refused()
    {
        await RecordedCaseAsync();
        var records = new List<ChainedRecord>();
        await foreach (var r in new CaseHistory(Store).ReadAsync("T-1", ct: Ct)) records.Add(new ChainedRecord(r.Seq, r.RecordedAt, r.Fact));
        var expected = TimelineBundle.Build(records, new BundleParameters("T-1", null, null, TracingRule.Libr), GeneratorVersion.Current);

        var json = BytesOf(await GetAsync(AuditorKey, "/cases/T-1/timeline?format=json&rule=libr"));
        var badRule = await GetAsync(AuditorKey, "/cases/T-1/timeline?rule=lifo", HttpStatusCode.BadRequest);

        Assert.Equal(expected.Single(f => f.Name == "timeline.json").Content, json);
        using var timeline = JsonDocument.Parse(json);
        Assert.Equal(["libr"], timeline.RootElement.GetProperty("rules").EnumerateArray().Select(rule => rule.GetString()));
        using var problem = await JsonOf(badRule);
        Assert.Equal("rule", problem.RootElement.GetProperty("parameter").GetString());
    }

    [Fact]
    public async Task Every_bad_query_parameter_is_named_and_the_first_one_is_the_answer()
    {
        var flows = await SendAsync(AuditorKey, s =>
        {
            s.Get.Url("/cases/T-1/flows?rule=lifo&asOf=yesterday&knownAt=2019-04-29T11:00:00%2B08:00");
            s.ContentTypeShouldBe("application/problem+json");
        }, HttpStatusCode.BadRequest);
        var path = await GetAsync(AuditorKey, "/cases/T-1/path?to=&maxHops=0", HttpStatusCode.BadRequest);

        using var flowsProblem = await JsonOf(flows);
        Assert.Equal("Invalid query parameter", flowsProblem.RootElement.GetProperty("title").GetString());
        Assert.Equal("rule must be fifo, pro-rata or libr", flowsProblem.RootElement.GetProperty("detail").GetString());
        Assert.Equal("rule", flowsProblem.RootElement.GetProperty("parameter").GetString());
        Assert.Equal(["rule", "asOf"], flowsProblem.RootElement.GetProperty("errors").EnumerateObject().Select(e => e.Name));
        using var pathProblem = await JsonOf(path);
        Assert.Equal("from needs a victim's holder name or an account", pathProblem.RootElement.GetProperty("detail").GetString());
        Assert.Equal(["from", "to", "maxHops"], pathProblem.RootElement.GetProperty("errors").EnumerateObject().Select(e => e.Name));
    }

    [Fact]
    public async Task An_account_shows_the_facts_naming_it_and_what_it_still_holds()
    {
        await RecordedCaseAsync();

        using var account = await JsonOf(await GetAsync(AuditorKey, "/cases/T-1/accounts/g-1"));

        Assert.Equal(["t-1", "p-1", "r-1"],
            account.RootElement.GetProperty("movements").EnumerateArray().Select(m => m.GetProperty("fact").GetProperty("id").GetString()));
        var holding = Assert.Single(account.RootElement.GetProperty("holdings").EnumerateArray());
        Assert.Equal("Ms Zheng", holding.GetProperty("victim").GetString());
        Assert.Equal(400m, holding.GetProperty("faceValue").GetDecimal());
    }

    [Fact]
    public async Task A_merchant_shows_its_totals_over_all_cases()
    {
        await RecordedCaseAsync();

        using var merchant = await JsonOf(await GetAsync(AuditorKey, "/merchants/cm-1"));
        await GetAsync(AuditorKey, "/merchants/nobody", HttpStatusCode.NotFound);

        Assert.Equal(600m, merchant.RootElement.GetProperty("faceValue").GetDecimal());
        Assert.Equal(570m, merchant.RootElement.GetProperty("price").GetDecimal());
        Assert.Equal("T-1", merchant.RootElement.GetProperty("rows")[0].GetProperty("case").GetString());
    }

    [Theory]
    [InlineData("SQ/2019/515")]
    [InlineData("A%2FB 50% ?x#y+é测")]
    public async Task A_case_number_with_reserved_characters_is_reached_by_its_percent_encoded_form(string caseNumber)
    {
        await using var kestrel = await StartKestrelAsync();
        using var investigator = Client(kestrel, InvestigatorKey);
        var path = "/cases/" + Uri.EscapeDataString(caseNumber);
        var facts = SmallCase.Facts.Select(f => f.Replace("\"case\":\"T-1\"", $"\"case\":{JsonSerializer.Serialize(caseNumber)}")).ToArray();

        var posted = await investigator.PostAsync(path + "/events", JsonArray(facts), Ct);
        using var flows = JsonDocument.Parse(await investigator.GetStringAsync(path + "/flows?wait=60", Ct));
        var account = await investigator.GetAsync(path + "/accounts/g-1?wait=60", Ct);
        var timeline = await investigator.GetAsync(path + "/timeline?format=md", Ct);
        using var log = JsonDocument.Parse(await investigator.GetStringAsync(path + "/access-log", Ct));

        Assert.True(posted.StatusCode == HttpStatusCode.OK, await posted.Content.ReadAsStringAsync(Ct));
        Assert.Equal(caseNumber, flows.RootElement.GetProperty("case").GetString());
        Assert.Equal(HttpStatusCode.OK, account.StatusCode);
        Assert.Equal(HttpStatusCode.OK, timeline.StatusCode);
        Assert.Equal(caseNumber, log.RootElement.GetProperty("case").GetString());
        Assert.All(log.RootElement.GetProperty("entries").EnumerateArray(),
            e => Assert.Equal(caseNumber, e.GetProperty("access").GetProperty("case").GetString()));
        Assert.Equal(5, log.RootElement.GetProperty("entries").GetArrayLength());
    }

    [Fact]
    public async Task The_openapi_document_lists_every_endpoint_and_the_reference_page_needs_no_other_host()
    {
        using var openApi = await JsonOf(await GetAsync(null, "/openapi/v1.json"));
        var page = await (await GetAsync(null, "/docs")).ReadAsTextAsync();

        var paths = openApi.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Superset(new HashSet<string>(
        [
            "/cases", "/cases/{caseNumber}/events", "/cases/{caseNumber}/flows", "/cases/{caseNumber}/timeline",
            "/cases/{caseNumber}/accounts/{account}", "/cases/{caseNumber}/access-log", "/merchants/{account}",
        ]), paths.ToHashSet());
        Assert.Contains("/openapi/v1.json", page);
        Assert.DoesNotContain("http://", page);
        Assert.DoesNotContain("https://", page);
    }
}
