using System.Runtime.CompilerServices;

namespace LaunderTrail.Import;

/// <summary>
/// Maps the lines of a source on every core, a block at a time, and hands the results back in source order: the
/// costly part of an import (parsing, validation, canonical form, digests) is independent per line, while what
/// depends on order (repeats, the hash chain) stays sequential.
/// </summary>
internal static class OrderedParallel
{
    private const int BlockSize = 2_048;

    public static async IAsyncEnumerable<(SourceLine Line, T Result)> MapAsync<T>(IAsyncEnumerable<SourceLine> lines,
        Func<SourceLine, T> map, [EnumeratorCancellation] CancellationToken ct)
    {
        var block = new List<SourceLine>(BlockSize);
        await foreach (var line in lines.WithCancellation(ct))
        {
            block.Add(line);
            if (block.Count < BlockSize) continue;
            foreach (var result in Map(block, map, ct)) yield return result;
            block.Clear();
        }

        foreach (var result in Map(block, map, ct)) yield return result;
    }

    private static (SourceLine, T)[] Map<T>(List<SourceLine> block, Func<SourceLine, T> map, CancellationToken ct)
    {
        var results = new (SourceLine, T)[block.Count];
        Parallel.For(0, block.Count, new ParallelOptions { CancellationToken = ct }, i => results[i] = (block[i], map(block[i])));
        return results;
    }
}
