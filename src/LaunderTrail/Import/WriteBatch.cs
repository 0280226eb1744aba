using LaunderTrail.Court;

namespace LaunderTrail.Import;

/// <summary>
/// The writing pass of an import: reads the checked facts back from the spool and yields each new one with its
/// place in its case's chain and what is recorded beside it.
/// </summary>
internal sealed class WriteBatch(
    IEvidenceSource source,
    FactSpool spool,
    ImportScan scan,
    RecordedFacts recorded,
    DateTimeOffset recordedAt,
    string batchId,
    string recordedBy,
    IProgress<ImportProgress>? progress)
{
    private const int ProgressEvery = 2_000;

    public DateTimeOffset RecordedAt => recordedAt;
    public string BatchId => batchId;
    public string RecordedBy => recordedBy;

    /// <summary>Per case with new facts: the version its stream had before this import, and how many facts it adds.</summary>
    public IReadOnlyList<(string Case, long Head, long Adding)> Streams() =>
        scan.NewFactsPerCase
            .OrderBy(c => c.Key, StringComparer.Ordinal)
            .Select(c => (c.Key, recorded.HeadOf(c.Key).Version, c.Value))
            .ToList();

    public IEnumerable<(CheckedFact Fact, long Version, FactMetadata Meta)> NewFacts()
    {
        var heads = new Dictionary<string, (long Version, byte[] Chain)>(StringComparer.Ordinal);
        long lines = 0;
        foreach (var fact in spool.ReadAll())
        {
            lines = fact.Line;
            if (fact.Line % ProgressEvery == 0)
                progress?.Report(new ImportProgress(ImportPhase.Writing, fact.BytesRead, source.Length, fact.Line));
            if (!scan.IsNew(fact.Key, fact.Line)) continue;

            if (!heads.TryGetValue(fact.Case, out var head)) head = recorded.HeadOf(fact.Case);
            var version = head.Version + 1;
            var chain = HashChain.Next(head.Chain, HashChain.RecordBytes(version, recordedAt, fact.Canonical));
            heads[fact.Case] = (version, chain);
            var meta = new FactMetadata(HashChain.Hex(fact.Digest), HashChain.Hex(chain), source.OriginOf(fact.Line), recordedAt);
            yield return (fact, version, meta);
        }

        progress?.Report(new ImportProgress(ImportPhase.Writing, source.Length ?? 0, source.Length, lines));
    }
}
