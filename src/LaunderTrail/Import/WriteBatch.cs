using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using LaunderTrail.Cases;
using LaunderTrail.Concurrency;
using LaunderTrail.Court;
using LaunderTrail.Evidence;

namespace LaunderTrail.Import;

/// <summary>The writing pass of an import: reads the source again and yields each new fact with its place in its case's chain.</summary>
internal sealed class WriteBatch(
    IEvidenceSource source,
    ImportScan scan,
    RecordedFacts recorded,
    DateTimeOffset recordedAt,
    string batchId,
    string recordedBy,
    IProgress<ImportProgress>? progress)
{
    private const int ProgressEvery = 2_000;

    public ImportScan Scan => scan;
    public RecordedFacts Recorded => recorded;
    public string BatchId => batchId;
    public string RecordedBy => recordedBy;

    /// <summary>A line checked in the first pass, read again (not validated again) with what its chain link needs.</summary>
    private static ReadLine? Read(SourceLine line)
    {
        if (string.IsNullOrWhiteSpace(line.Text)) return null;
        var fact = CaseHistory.ReadFact(line.Text);
        var canonical = CanonicalFact.Bytes(fact);
        return new ReadLine(fact, FactKey.Of(fact.Case, fact.Id), canonical, HashChain.Hex(SHA256.HashData(canonical)));
    }

    private sealed record ReadLine(CaseEvent Fact, FactKey Key, byte[] Canonical, string Digest);

    public async IAsyncEnumerable<(CaseEvent Fact, long Version, FactMetadata Meta)> NewFactsAsync(
        [EnumeratorCancellation] CancellationToken ct)
    {
        var heads = new Dictionary<string, (long Version, byte[] Chain)>(StringComparer.Ordinal);
        var origin = Path.GetFileName(source.Name);
        long lines = 0;
        await foreach (var (line, read) in OrderedParallel.MapAsync(source.ReadAsync(ct), Read, ct))
        {
            lines = line.Number;
            if (line.Number % ProgressEvery == 0)
                progress?.Report(new ImportProgress(ImportPhase.Writing, line.BytesRead, source.Length, line.Number));
            if (read is null || !scan.IsNew(read.Key, line.Number)) continue;

            var fact = read.Fact;
            if (!heads.TryGetValue(fact.Case, out var head)) head = recorded.HeadOf(fact.Case);
            var version = head.Version + 1;
            var chain = HashChain.Next(head.Chain, HashChain.RecordBytes(version, recordedAt, read.Canonical));
            heads[fact.Case] = (version, chain);
            var meta = new FactMetadata(read.Digest, HashChain.Hex(chain), $"{origin}:{line.Number}", recordedAt, batchId, recordedBy);
            yield return (fact, version, meta);
        }

        progress?.Report(new ImportProgress(ImportPhase.Writing, source.Length ?? 0, source.Length, lines));
    }
}
