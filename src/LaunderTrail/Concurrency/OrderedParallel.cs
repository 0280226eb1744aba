using System.Runtime.CompilerServices;

namespace LaunderTrail.Concurrency;

/// <summary>
/// Maps a stream of items on every core, a block at a time, and hands the results back in source order: the
/// costly part of reading facts (parsing, validation, canonical form, digests) is independent per item, while
/// what depends on order (repeats, the hash chain, the timeline) stays sequential. One block is mapped while the
/// next is read, so the producer (a file, a database cursor) and the mapping overlap; at most three blocks are in
/// memory at a time.
/// </summary>
internal static class OrderedParallel
{
    // Small blocks: results that outlive a collection are promoted, and with blocks of 2,048 items the garbage
    // collector took more time than the work.
    private const int BlockSize = 256;

    public static async IAsyncEnumerable<(TIn Item, TOut Result)> MapAsync<TIn, TOut>(IAsyncEnumerable<TIn> items,
        Func<TIn, TOut> map, [EnumeratorCancellation] CancellationToken ct)
    {
        Task<(TIn, TOut)[]>? mapping = null;
        var block = new List<TIn>(BlockSize);
        try
        {
            await foreach (var item in items.WithCancellation(ct))
            {
                block.Add(item);
                if (block.Count < BlockSize) continue;
                var previous = mapping;
                mapping = MapInBackground(block, map, ct);
                block = new List<TIn>(BlockSize);
                if (previous is null) continue;
                foreach (var result in await previous) yield return result;
            }

            var last = mapping;
            mapping = null;
            if (last is not null)
                foreach (var result in await last) yield return result;
            foreach (var result in await MapInBackground(block, map, ct)) yield return result;
        }
        finally
        {
            // When the producer or the consumer stops early, the block in flight still finishes before we return,
            // and its failure, if any, is the lesser news.
            if (mapping is not null) await mapping.ContinueWith(static t => _ = t.Exception, TaskScheduler.Default);
        }
    }

    private static Task<(TIn, TOut)[]> MapInBackground<TIn, TOut>(List<TIn> block, Func<TIn, TOut> map, CancellationToken ct) =>
        Task.Run(() =>
        {
            var results = new (TIn, TOut)[block.Count];
            Parallel.For(0, block.Count, new ParallelOptions { CancellationToken = ct }, i => results[i] = (block[i], map(block[i])));
            return results;
        }, ct);
}
