using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using LaunderTrail.Access;
using LaunderTrail.Cases;
using LaunderTrail.Flows;
using LaunderTrail.Generation;
using LaunderTrail.Storage;

namespace LaunderTrail.Cli.Soak;

/// <summary>
/// Three <c>serve</c> nodes on one database for a few minutes: writers post facts of two cases to them in turn, readers
/// ask for reports and status, and every <see cref="KillEvery"/> one node is killed (SIGKILL) and started again a few
/// seconds later. Counts the requests served and refused, and the longest time a case's read models lagged behind its
/// recorded facts; at the end, checks that every case is traced to its last fact and that its chain holds.
/// </summary>
public sealed class SoakRun(CaseStore store, string ownerConnection, TimeSpan duration)
{
    private static readonly TimeSpan KillEvery = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan DownFor = TimeSpan.FromSeconds(5);
    private const int FactsPerPost = 200;
    private static readonly string[] Cases = ["SOAK-1", "SOAK-2"];

    private long posts, postErrors, reads, readErrors, nodeDown, kills;
    private TimeSpan longestStale;

    public sealed record Outcome(IReadOnlyList<(string Measure, string Figure)> Figures, bool Consistent);

    public async Task<Outcome> RunAsync(CancellationToken ct)
    {
        var keys = new ApiKeys(store.Documents, TimeProvider.System);
        var investigator = (await keys.AddAsync("soak-investigator", ApiRole.Investigator, ct))!;
        var auditor = (await keys.AddAsync("soak-auditor", ApiRole.Auditor, ct))!;
        var nodes = new ServeNode[3];
        for (var i = 0; i < nodes.Length; i++)
            nodes[i] = await ServeNode.StartAsync($"laundertrail-soak-{i + 1}", ownerConnection, store.Schema, ct);

        var clock = Stopwatch.StartNew();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        using var stopWatching = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var recorded = new long[Cases.Length];
        try
        {
            var work = new List<Task>();
            for (var c = 0; c < Cases.Length; c++) work.Add(WriteAsync(c, nodes, investigator, recorded, stop.Token));
            for (var r = 0; r < 2; r++) work.Add(ReadAsync(r, nodes, auditor, stop.Token));
            var watching = WatchStalenessAsync(stopWatching.Token);
            while (clock.Elapsed < duration)
            {
                await Task.Delay(KillEvery, ct);
                var victim = (int)(kills % nodes.Length);
                var address = nodes[victim].Address;
                nodes[victim].Kill();
                await nodes[victim].DisposeAsync();
                kills++;
                await Task.Delay(DownFor, ct);
                nodes[victim] = await ServeNode.StartAsync($"laundertrail-soak-{victim + 1}", ownerConnection, store.Schema, ct, address);
            }
            await stop.CancelAsync();
            await Task.WhenAll(work.Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default)));

            var settled = Stopwatch.StartNew();
            var queries = new FlowQueries(store);
            var consistent = true;
            foreach (var @case in Cases)
            {
                var status = await queries.StatusAsync(@case, TimeSpan.FromMinutes(5), ct);
                var chain = await StoredChainCheck.RunAsync(new CaseHistory(store), @case, pinned: null, ct);
                consistent &= status is { IsCurrent: true } && chain.Failure is null && chain.Head?.Position == status.Recorded;
            }
            await Task.Delay(500, ct);
            await stopWatching.CancelAsync();
            await watching.ContinueWith(_ => { }, TaskScheduler.Default);

            return new Outcome(
            [
                ("soak run", $"{clock.Elapsed.TotalMinutes:N1} min, 3 nodes, {kills} kills (SIGKILL, restarted after {DownFor.TotalSeconds:N0} s)"),
                ("posts served (200 facts each)", $"{posts:N0}, {postErrors:N0} refused by a live node, facts recorded {recorded.Sum():N0}"),
                ("reads served (report or status)", $"{reads:N0}, {readErrors:N0} failed on a live node"),
                ("requests to a node while it was down", $"{nodeDown:N0} (connection refused or cut; retried on the next node)"),
                ("longest wait of a recorded fact for the read models (the stale period)", $"{longestStale.TotalSeconds:N1} s"),
                ("after the last kill: every case traced to its last fact, chain verified", $"{consistent} ({settled.Elapsed.TotalSeconds:N1} s to settle)"),
            ], consistent);
        }
        finally
        {
            foreach (var node in nodes) await node.DisposeAsync();
        }
    }

    private async Task WriteAsync(int caseIndex, ServeNode[] nodes, string key, long[] recorded, CancellationToken ct)
    {
        var @case = Cases[caseIndex];
        using var lines = ReferenceCaseGenerator.Generate(new GenerationOptions(515 + caseIndex, 10_000_000, @case)).GetEnumerator();
        var turn = caseIndex;
        while (!ct.IsCancellationRequested)
        {
            var batch = new StringBuilder();
            using (var text = new StringWriter(batch))
                CaseEventJsonLines.Write(Take(lines, FactsPerPost), text);
            var body = batch.ToString();
            while (!ct.IsCancellationRequested)
            {
                var node = nodes[turn++ % nodes.Length];
                var content = new StringContent(body, Encoding.UTF8);
                content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/x-ndjson");
                switch (await SendAsync(node, key, client => client.PostAsync($"/cases/{@case}/events", content, ct)))
                {
                    case true:
                        Interlocked.Increment(ref posts);
                        recorded[caseIndex] += FactsPerPost;
                        break;
                    case false:
                        Interlocked.Increment(ref postErrors);
                        break;
                    case null:
                        continue;
                }
                break;
            }
        }
    }

    private async Task ReadAsync(int reader, ServeNode[] nodes, string key, CancellationToken ct)
    {
        var turn = reader;
        while (!ct.IsCancellationRequested)
        {
            var @case = Cases[turn % Cases.Length];
            var path = turn % 2 == 0 ? $"/cases/{@case}/status" : $"/cases/{@case}/flows";
            var answered = await SendAsync(nodes[turn++ % nodes.Length], key, client => client.GetAsync(path, ct));
            if (answered == true) Interlocked.Increment(ref reads);
            else if (answered == false && !ct.IsCancellationRequested) Interlocked.Increment(ref readErrors);
        }
    }

    /// <returns>True when answered with success (404 counts: a case not yet posted), false when a live node failed it, null when the node was down.</returns>
    private async Task<bool?> SendAsync(ServeNode node, string key, Func<HttpClient, Task<HttpResponseMessage>> send)
    {
        using var client = new HttpClient { BaseAddress = node.Address, Timeout = TimeSpan.FromMinutes(2) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        try
        {
            using var response = await send(client);
            return response.IsSuccessStatusCode || response.StatusCode == System.Net.HttpStatusCode.NotFound;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            Interlocked.Increment(ref nodeDown);
            return null;
        }
    }

    /// <summary>
    /// Polls each case's status and keeps the longest time a recorded fact waited to be reflected by the read models:
    /// from the poll that first saw it recorded to the one that saw it traced (so to within a poll, 250 ms).
    /// </summary>
    private async Task WatchStalenessAsync(CancellationToken ct)
    {
        var queries = new FlowQueries(store);
        var waiting = Cases.ToDictionary(c => c, _ => new Queue<(long Seen, long Recorded)>(), StringComparer.Ordinal);
        while (!ct.IsCancellationRequested)
        {
            foreach (var @case in Cases)
            {
                if (await queries.StatusAsync(@case, ct: CancellationToken.None) is not { } status) continue;
                var now = Stopwatch.GetTimestamp();
                var queue = waiting[@case];
                if (queue.Count == 0 || queue.Last().Recorded < status.Recorded) queue.Enqueue((now, status.Recorded));
                while (queue.Count > 0 && queue.Peek().Recorded <= status.Traced)
                {
                    var lag = Stopwatch.GetElapsedTime(queue.Dequeue().Seen, now);
                    if (lag > longestStale) longestStale = lag;
                }
            }
            await Task.Delay(250, CancellationToken.None);
        }
    }

    private static IEnumerable<T> Take<T>(IEnumerator<T> source, int count)
    {
        for (var i = 0; i < count && source.MoveNext(); i++) yield return source.Current;
    }
}
