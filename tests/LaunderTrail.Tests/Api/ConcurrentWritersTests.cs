using System.Diagnostics;
using System.Globalization;
using System.Net;
using LaunderTrail.Cases;
using LaunderTrail.Court;
using LaunderTrail.Tests.Support;

namespace LaunderTrail.Tests.Api;

/// <summary>
/// The load check of the API: parallel writers to one case lose nothing and keep its hash chain valid, while
/// readers ask for its flows. Reads are answered from the stored read models while the writes go on, and a read that
/// waits at the end reflects every recorded fact. Latencies are written to the test output (docs/benchmarks.md), never
/// asserted.
/// </summary>
public sealed class ConcurrentWritersTests(PostgresServer server) : ApiFixture(server)
{
    private const int Writers = 8;
    private const int EventsPerWriter = 500;
    private const int EventsPerRequest = 100;
    private const int Readers = 2;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Eight_writers_posting_500_events_each_to_one_case_record_all_4000_once_with_a_valid_chain()
    {
        using (var first = Client(InvestigatorKey))
            Assert.Equal(HttpStatusCode.OK, (await first.PostAsync("/cases/T-1/events", JsonArray(SmallCase.Facts[0]), Ct)).StatusCode);
        await TracedAsync("T-1");

        var writing = Enumerable.Range(0, Writers).Select(WriteAsync).ToList();
        var allWritten = Task.WhenAll(writing);
        var reading = Enumerable.Range(0, Readers).Select(_ => ReadFlowsUntil(allWritten)).ToList();
        await allWritten;
        var latencies = (await Task.WhenAll(reading)).SelectMany(l => l).Order().ToList();

        Assert.Equal(Writers * EventsPerWriter + 1, await ScalarAsync("select count(*) from {schema}.mt_events where stream_id = 'T-1'"));
        Assert.Equal(Writers * EventsPerWriter + 1,
            await ScalarAsync("select count(distinct data->>'id') from {schema}.mt_events where stream_id = 'T-1'"));
        Assert.Null(await StoredChainCheck.RunAsync(new CaseHistory(Store), "T-1", Ct));
        await AssertAWaitingReadReflectsEveryFact(Writers * EventsPerWriter + 1);
        Report(latencies);
    }

    private async Task WriteAsync(int writer)
    {
        using var client = Client(InvestigatorKey);
        for (var start = 0; start < EventsPerWriter; start += EventsPerRequest)
        {
            var facts = Enumerable.Range(start, EventsPerRequest)
                .Select(i => Lines.Transfer($"w{writer}-{i}", "zheng-card", $"g-{writer}", "1.25",
                    at: $"2019-04-29T10:{writer:00}:{i % 60:00}+08:00"))
                .ToArray();
            var response = await client.PostAsync("/cases/T-1/events", JsonArray(facts), Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    private async Task<List<double>> ReadFlowsUntil(Task done)
    {
        using var client = Client(AuditorKey);
        var latencies = new List<double>();
        while (!done.IsCompleted)
        {
            var clock = Stopwatch.StartNew();
            var response = await client.GetAsync("/cases/T-1/flows", Ct);
            latencies.Add(clock.Elapsed.TotalMilliseconds);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        return latencies;
    }

    private async Task AssertAWaitingReadReflectsEveryFact(int recorded)
    {
        using var client = Client(AuditorKey);
        var response = await client.GetAsync("/cases/T-1/flows?wait=120", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(recorded.ToString(CultureInfo.InvariantCulture), Assert.Single(response.Headers.GetValues("LaunderTrail-Traced")));
    }

    private static void Report(List<double> sortedLatencies)
    {
        if (sortedLatencies.Count == 0) return;
        double Percentile(double p) => sortedLatencies[(int)Math.Min(sortedLatencies.Count - 1, Math.Ceiling(p * sortedLatencies.Count) - 1)];
        TestContext.Current.TestOutputHelper?.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"GET flows during the writes: {sortedLatencies.Count} requests, p50 {Percentile(0.50):0.0} ms, p99 {Percentile(0.99):0.0} ms"));
    }
}
