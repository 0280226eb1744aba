using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using JasperFx.Events.Daemon;
using LaunderTrail.Access;
using LaunderTrail.Cases;
using LaunderTrail.Cli.Soak;
using LaunderTrail.Flows;
using LaunderTrail.Generation;
using LaunderTrail.Tests.Support;
using LaunderTrail.Tracing;

namespace LaunderTrail.Tests.Scaling;

/// <summary>
/// Three <c>laundertrail serve</c> processes on one database: the node that runs the read models' projection is
/// killed (SIGKILL) right after a large case is posted to it, while it traces if the test catches it doing so; the two
/// left bring the read models up to date, take over the killed node's undelivered announcements, and nothing recorded
/// is lost, doubled or altered.
/// </summary>
public sealed class FailoverTests(PostgresServer server) : StoreFixture(server)
{
    private const string Case = "FO-1";
    private const int Facts = 20_000;
    private const int FactsPerRequest = 5_000;

    /// <summary>How long the surviving nodes may take to finish what the killed one was tracing.</summary>
    private static readonly TimeSpan TakeOver = TimeSpan.FromSeconds(120);

    /// <summary>
    /// How long the survivors may take to notice the dead node and handle the announcements it left: its silence must
    /// outlast the stale-node timeout (30 s) before the leader reassigns them.
    /// </summary>
    private static readonly TimeSpan AnnouncementsTakenOver = TimeSpan.FromSeconds(120);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_node_killed_while_it_traces_is_taken_over_and_nothing_recorded_is_lost_doubled_or_altered()
    {
        var keys = new ApiKeys(Store.Documents, TimeProvider.System);
        var investigator = (await keys.AddAsync("ines-investigator", ApiRole.Investigator, Ct))!;
        var auditor = (await keys.AddAsync("aldo-auditor", ApiRole.Auditor, Ct))!;
        var nodes = new List<ServeNode>();
        try
        {
            for (var i = 1; i <= 3; i++) nodes.Add(await ServeNode.StartAsync($"laundertrail-node-{i}", Server.ConnectionString, Schema, Ct));
            var leader = await WaitForProjectionHolderAsync(nodes, except: null);
            await WaitUntilAsync("three nodes registered with each other",
                "select count(*) from {schema}.wolverine_nodes", 3, TakeOver);

            var events = ReferenceCaseGenerator.Generate(new GenerationOptions(515, Facts, Case)).ToList();
            var lines = JsonLines(events);
            using (var writer = Client(leader, investigator))
            {
                for (var first = 0; first < lines.Count; first += FactsPerRequest)
                {
                    var body = new StringContent(string.Join('\n', lines.Skip(first).Take(FactsPerRequest)), Encoding.UTF8);
                    body.Headers.ContentType = MediaTypeHeaderValue.Parse("application/x-ndjson");
                    var posted = await writer.PostAsync($"/cases/{Case}/events", body, Ct);
                    Assert.True(posted.StatusCode == HttpStatusCode.OK, await posted.Content.ReadAsStringAsync(Ct));
                }
            }

            var caughtTracing = await WaitUntilTracingAsync(leader.Name, TimeSpan.FromSeconds(20));
            leader.Kill();
            var killedAt = Stopwatch.StartNew();
            var survivor = nodes.First(n => n != leader);

            using var reader = Client(survivor, auditor);
            var status = JsonDocument.Parse(await reader.GetStringAsync($"/cases/{Case}/status?wait={(int)TakeOver.TotalSeconds}", Ct)).RootElement;
            var tookOver = killedAt.Elapsed;
            TestContext.Current.SendDiagnosticMessage(
                $"killed {leader.Name} {(caughtTracing ? "while it traced" : "before it was seen tracing")}; traced by the others {tookOver.TotalSeconds:N1} s later");

            Assert.Equal(Facts, status.GetProperty("recorded").GetInt64());
            Assert.Equal(Facts, status.GetProperty("traced").GetInt64());
            Assert.NotEqual(leader.Name, (await WaitForProjectionHolderAsync(nodes, except: leader)).Name);
            foreach (var rule in Enum.GetValues<TracingRule>())
            {
                var served = await reader.GetStringAsync($"/cases/{Case}/flows?rule={TracingRules.Name(rule)}", Ct);
                Assert.Equal(FlowReportJson.Write(FlowTracer.Trace(Case, events, rule)), served);
            }

            // The killed node's durable inbox (announcements of facts it recorded) passes to a live node and is handled.
            await WaitUntilAsync("the killed node deregistered by the survivors",
                "select count(*) from {schema}.wolverine_nodes", 2, AnnouncementsTakenOver);
            await WaitUntilAsync("every announcement handled",
                "select count(*) from {schema}.wolverine_incoming_envelopes where status <> 'Handled'", 0, AnnouncementsTakenOver);

            var chain = await StoredChainCheck.RunAsync(new CaseHistory(Store), Case, pinned: null, Ct);
            Assert.Null(chain.Failure);
            Assert.Equal(Facts, chain.Head!.Position);
            Assert.Equal(Facts, await ScalarAsync($"select count(distinct data->>'id') from {{schema}}.mt_events where stream_id = '{Case}'"));
            Assert.Equal(Facts, await ScalarAsync($"select count(*) from {{schema}}.mt_events where stream_id = '{Case}'"));
        }
        finally
        {
            foreach (var node in nodes) await node.DisposeAsync();
        }
    }

    private static List<string> JsonLines(IEnumerable<LaunderTrail.Evidence.CaseEvent> events)
    {
        using var text = new StringWriter();
        CaseEventJsonLines.Write(events, text);
        return text.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();
    }

    private static HttpClient Client(ServeNode node, string key)
    {
        var client = new HttpClient { BaseAddress = node.Address, Timeout = TimeSpan.FromMinutes(5) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    /// <summary>The running node that holds the projection's advisory lock (Marten's hot/cold election), once one does.</summary>
    private async Task<ServeNode> WaitForProjectionHolderAsync(IReadOnlyList<ServeNode> nodes, ServeNode? except)
    {
        var shard = Store.Documents.Options.Projections.AllShards().Single(s => s.Name.Name == CaseFlowsProjection.Name).Name;
        long key = ProjectionLockIds.Compute(Schema, shard, Store.Documents.Options.Projections.DaemonLockId);
        var clock = Stopwatch.StartNew();
        while (true)
        {
            await using var command = Store.Db.CreateCommand(
                "select a.application_name from pg_locks l join pg_stat_activity a on a.pid = l.pid " +
                "where l.locktype = 'advisory' and l.granted and l.classid = $1::bigint::oid and l.objid = $2::bigint::oid and l.objsubid = 1");
            command.Parameters.AddWithValue((long)(uint)(key >> 32));
            command.Parameters.AddWithValue((long)(uint)key);
            var holder = await command.ExecuteScalarAsync(Ct) as string;
            if (nodes.FirstOrDefault(n => n.Name == holder && n != except && n.IsRunning) is { } node) return node;
            Assert.True(clock.Elapsed < TakeOver, $"no node took the projection within {TakeOver.TotalSeconds} s");
            await Task.Delay(100, Ct);
        }
    }

    private async Task WaitUntilAsync(string what, string countSql, long expected, TimeSpan patience)
    {
        var clock = Stopwatch.StartNew();
        long seen;
        while ((seen = await ScalarAsync(countSql)) != expected)
        {
            Assert.True(clock.Elapsed < patience, $"not {what} within {patience.TotalSeconds} s: {seen}, not {expected}");
            await Task.Delay(250, Ct);
        }
    }

    /// <summary>Whether the node was seen reading the case's facts to trace them before <paramref name="patience"/> ran out.</summary>
    private async Task<bool> WaitUntilTracingAsync(string node, TimeSpan patience)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < patience)
        {
            await using var command = Store.Db.CreateCommand(
                "select count(*) from pg_stat_activity where application_name = $1 and state = 'active' and query like '%mt_events%' and query not like '%pg_stat_activity%'");
            command.Parameters.AddWithValue(node);
            if ((long)(await command.ExecuteScalarAsync(Ct))! > 0) return true;
            await Task.Delay(10, Ct);
        }
        return false;
    }
}
