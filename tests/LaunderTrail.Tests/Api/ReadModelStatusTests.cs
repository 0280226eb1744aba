using System.Net;
using Alba;
using LaunderTrail.Api.Cases;
using LaunderTrail.Import;
using System.Text.Json;
using LaunderTrail.Tests.Support;

namespace LaunderTrail.Tests.Api;

public sealed class ReadModelStatusTests(PostgresServer server) : ApiFixture(server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(long Recorded, long Traced)> StatusOf(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        return (json.RootElement.GetProperty("recorded").GetInt64(), json.RootElement.GetProperty("traced").GetInt64());
    }

    [Fact]
    public async Task Posted_facts_are_traced_by_the_daemon_without_any_read_of_the_case()
    {
        var client = Client(InvestigatorKey);
        var posted = await client.PostAsync("/cases/T-1/events", JsonArray(SmallCase.Facts), Ct);
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);

        var status = await StatusOf(await Client(AuditorKey).GetAsync("/cases/T-1/status?wait=60", Ct));

        Assert.Equal((SmallCase.Facts.Length, SmallCase.Facts.Length), status);
        Assert.Equal(3, await ScalarAsync("select count(*) from {schema}.lt_stored_reports where case_id = 'T-1'"));
    }

    [Fact]
    public async Task A_read_answers_from_what_the_projection_stored_says_how_far_it_goes_and_never_traces()
    {
        await PostFactsAsync(InvestigatorKey, "/cases/T-1/events", SmallCase.Facts);
        await TracedAsync("T-1");
        var traced = await (await GetAsync(AuditorKey, "/cases/T-1/flows")).ReadAsTextAsync();

        await WhileTheProjectionIsPausedAsync(async () =>
        {
            // Facts recorded while nothing traces them (the command line's import writes no outbox message)
            await RecordedByTheCommandLineAsync(Lines.Transfer("t-2", "zheng-card", "g-1", "500", "2019-04-29T10:30:00+08:00"));

            var stale = await GetAsync(AuditorKey, "/cases/T-1/flows");
            var status = await StatusOf(await Client(AuditorKey).GetAsync("/cases/T-1/status", Ct));

            Assert.Equal(traced, await stale.ReadAsTextAsync());
            Assert.Equal(("6", "5"), HeadersOf(stale));
            Assert.Equal((6L, 5L), status);
            Assert.Equal(5, await ScalarAsync("select min(last_seq) from {schema}.lt_stored_reports where case_id = 'T-1'"));
        });

        var waited = await GetAsync(AuditorKey, "/cases/T-1/flows?wait=60");

        Assert.Equal(("6", "6"), HeadersOf(waited));
        Assert.NotEqual(traced, await waited.ReadAsTextAsync());
    }

    [Fact]
    public async Task A_case_not_traced_yet_is_answered_503_with_retry_after_and_listed_as_being_traced()
    {
        await WhileTheProjectionIsPausedAsync(async () =>
        {
            await RecordedByTheCommandLineAsync(SmallCase.Facts);

            var flows = await AnswerAsync(AuditorKey, "/cases/T-1/flows");
            var graph = await AnswerAsync(AuditorKey, "/cases/T-1/graph?rule=libr");
            var account = await AnswerAsync(AuditorKey, "/cases/T-1/accounts/g-1");
            using var list = await JsonOf(await GetAsync(AuditorKey, "/cases"));

            Assert.All([flows, graph, account], answer =>
            {
                Assert.Equal(HttpStatusCode.ServiceUnavailable, StatusOf(answer));
                Assert.Equal("1", answer.Context.Response.Headers.RetryAfter.ToString());
                Assert.Equal("application/problem+json", MediaTypeOf(answer));
            });
            Assert.Contains("still being traced", await flows.ReadAsTextAsync());
            Assert.Empty(list.RootElement.GetProperty("cases").EnumerateArray());
            var untraced = Assert.Single(list.RootElement.GetProperty("unavailable").EnumerateArray());
            Assert.Equal("its 5 recorded facts are still being traced", untraced.GetProperty("reason").GetString());
            Assert.Equal(0, await ScalarAsync("select count(*) from {schema}.lt_stored_reports"));
        });

        var waited = await GetAsync(AuditorKey, "/cases/T-1/graph?rule=libr&wait=60");
        using var listed = await JsonOf(await GetAsync(AuditorKey, "/cases"));

        Assert.Equal(("5", "5"), HeadersOf(waited));
        var row = Assert.Single(listed.RootElement.GetProperty("cases").EnumerateArray());
        Assert.Equal((5L, 5L), (row.GetProperty("recorded").GetInt64(), row.GetProperty("traced").GetInt64()));
    }

    [Fact]
    public async Task A_read_right_after_a_large_post_answers_from_stored_data_or_waits_for_the_projection()
    {
        var facts = SmallCase.Facts.Concat(Enumerable.Range(0, 3000)
            .Select(i => Lines.Transfer($"t-{i + 2}", "zheng-card", "g-1", "1", "2019-04-29T10:30:00+08:00"))).ToArray();
        await PostFactsAsync(InvestigatorKey, "/cases/T-1/events", facts);

        var atOnce = await AnswerAsync(AuditorKey, "/cases/T-1/flows");
        var waited = await GetAsync(AuditorKey, "/cases/T-1/flows?wait=60");

        if (StatusOf(atOnce) == HttpStatusCode.OK)
            Assert.Equal("3005", HeadersOf(atOnce).Recorded);
        else
            Assert.Equal(HttpStatusCode.ServiceUnavailable, StatusOf(atOnce));
        Assert.Equal(("3005", "3005"), HeadersOf(waited));
    }

    private async Task RecordedByTheCommandLineAsync(params string[] facts)
    {
        var outcome = await new EvidenceImporter(Store, TimeProvider.System)
            .ImportAsync(new JsonLinesText("more.jsonl", Lines.Join(facts)), "investigator-1", ct: Ct);
        Assert.True(outcome.Accepted, string.Join("\n", outcome.Errors));
    }

    private static (string Recorded, string Traced) HeadersOf(IScenarioResult answer) =>
        (answer.Context.Response.Headers[ReadModelHeaders.Recorded].ToString(), answer.Context.Response.Headers[ReadModelHeaders.Traced].ToString());

    [Theory]
    [InlineData("soon")]
    [InlineData("-1")]
    [InlineData("301")]
    public async Task A_wait_that_is_not_a_number_of_seconds_within_bounds_is_refused(string wait)
    {
        var response = await Client(AuditorKey).GetAsync($"/cases/T-1/status?wait={wait}", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("wait", await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task The_status_of_a_case_with_no_facts_is_not_found()
    {
        var response = await Client(AuditorKey).GetAsync("/cases/NONE/status", Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
