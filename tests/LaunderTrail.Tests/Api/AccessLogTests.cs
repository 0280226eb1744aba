using System.Net;
using System.Text.Json;
using LaunderTrail.Access;
using LaunderTrail.Cases;
using LaunderTrail.Court;
using LaunderTrail.Flows;
using LaunderTrail.Tests.Support;

namespace LaunderTrail.Tests.Api;

public sealed class AccessLogTests(PostgresServer server) : ApiFixture(server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_read_and_write_of_a_case_is_logged_with_key_role_endpoint_and_parameters()
    {
        await PostFactsAsync(InvestigatorKey, "/cases/T-1/events", SmallCase.Facts);
        await TracedAsync("T-1");
        await GetAsync(AuditorKey, "/cases/T-1/flows?rule=fifo");
        await GetAsync(CourtKey, "/cases/T-1/timeline?format=json");
        await GetAsync(CourtKey, "/cases/T-1/flows", HttpStatusCode.Forbidden);

        using var log = await JsonOf(await GetAsync(InvestigatorKey, "/cases/T-1/access-log"));

        Assert.True(log.RootElement.GetProperty("chainHolds").GetBoolean());
        var entries = log.RootElement.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("access")).ToList();
        Assert.Equal(
            [
                "ines-investigator investigator POST /cases/{caseNumber}/events",
                "aldo-auditor auditor GET /cases/{caseNumber}/flows",
                "clerk-of-court court GET /cases/{caseNumber}/timeline",
                "ines-investigator investigator GET /cases/{caseNumber}/access-log",
            ],
            entries.Select(e => $"{e.GetProperty("keyName")} {e.GetProperty("role")} {e.GetProperty("endpoint")}"));
        Assert.Equal("fifo", entries[1].GetProperty("parameters").GetProperty("rule").GetString());
    }

    [Fact]
    public async Task The_access_log_is_chained_apart_from_the_case_which_keeps_its_own_chain_and_its_place_in_the_case_list()
    {
        await PostFactsAsync(InvestigatorKey, "/cases/T-1/events", SmallCase.Facts);
        await TracedAsync("T-1");
        for (var i = 0; i < 3; i++) await GetAsync(InvestigatorKey, "/cases/T-1/flows");

        var history = new CaseHistory(Store);
        var records = await new AccessLog(Store.Documents).ReadAsync("T-1", Ct);

        Assert.Equal([1L, 2, 3, 4], records.Select(r => r.Seq));
        Assert.Null(AccessChain.FirstBroken(records));
        Assert.NotNull(AccessChain.FirstBroken(records.Select((r, i) => i == 2 ? r with { Access = r.Access with { KeyName = "someone" } } : r)));
        Assert.Null(await StoredChainCheck.RunAsync(history, "T-1", Ct));
        Assert.Equal(["T-1"], await history.CasesAsync(Ct));
        Assert.Equal(5, (await new FlowProjector(Store).RebuildAsync(ct: Ct)).Facts);
    }

    [Fact]
    public async Task Case_figures_shown_by_the_case_list_and_by_a_merchants_totals_are_logged_in_the_list_access_log()
    {
        await PostFactsAsync(InvestigatorKey, "/cases/T-1/events", SmallCase.Facts);
        await TracedAsync("T-1");

        await GetAsync(AuditorKey, "/cases");
        await GetAsync(AuditorKey, $"/merchants/{SmallCase.Merchant}");
        await GetAsync(AuditorKey, "/merchants/nobody", HttpStatusCode.NotFound);

        var records = await new AccessLog(Store.Documents).ReadListsAsync(Ct);
        var byAuditor = records.Select(r => r.Access).Where(a => a.KeyName == "aldo-auditor").ToList();
        Assert.Equal(
            ["auditor GET /cases  T-1", $"auditor GET /merchants/{{account}} account={SmallCase.Merchant} T-1"],
            byAuditor.Select(a => $"{a.Role} {a.Endpoint} {string.Join(" ", a.Parameters.Select(p => $"{p.Key}={p.Value}"))} " +
                                  string.Join(",", a.Cases)));
        Assert.Null(AccessChain.FirstBroken(records));
        Assert.NotNull(AccessChain.FirstBroken(records.Select(r => r with { Access = r.Access with { Cases = [] } })));
        Assert.Empty(await new AccessLog(Store.Documents).ReadAsync(SmallCase.Merchant, Ct));
    }

    [Fact]
    public async Task Access_events_are_append_only_like_the_evidence()
    {
        await AnswerAsync(InvestigatorKey, "/cases/T-1/flows");

        var refused = await Assert.ThrowsAsync<Npgsql.PostgresException>(() =>
            ScalarAsync("delete from {schema}.mt_events where stream_id = 'access:T-1'"));

        Assert.Contains("append-only", refused.Message);
    }
}
