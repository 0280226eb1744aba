using System.Security.Cryptography;
using System.Threading.Channels;
using LaunderTrail.Concurrency;
using LaunderTrail.Court;
using LaunderTrail.Evidence;

namespace LaunderTrail.Import;

/// <summary>
/// The checking pass of an import: parses and validates every line and, when asked to find repeats within the source,
/// remembers for each fact only its key and digest (<see cref="SeenFacts"/>, 32 bytes and some room per fact), never
/// the facts themselves; the line where a fact first stands is found again by reading the source once more, only when
/// a later line holds the same id with other content. Not asked, it keeps nothing per fact, and a repeat reaches the
/// writer, where the event table's unique index on fact ids refuses it (<see cref="Storage.FactIdIndex"/>). Each fact's
/// first appearance is handed on at once, in its canonical form, to the writer, which writes while the rest of the
/// source is still being checked; from the first error on nothing more is handed on, and the import rolls back what
/// was written.
/// </summary>
/// <param name="findsRepeats">Whether to find repeats within the source here, remembering every fact's key and digest.</param>
internal sealed class ImportScan(bool findsRepeats)
{
    private const int ProgressEvery = 2_000;

    private readonly SeenFacts? _seen = findsRepeats ? new() : null;
    private readonly List<UnplacedRepeat> _unplaced = [];
    private readonly Dictionary<string, string> _cases = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Currency, long Line)> _currencies = new(StringComparer.Ordinal);
    private readonly List<LineError> _errors = [];
    private volatile bool _failed;
    private string? _lastCase;

    public IReadOnlyList<LineError> Errors => _errors;

    /// <summary>Whether this check finds repeats within the source itself, remembering every fact.</summary>
    public bool FindsRepeats => _seen is not null;

    /// <summary>Whether an error has been found; read by the writer while the check goes on.</summary>
    public bool Failed => _failed;

    /// <summary>How many facts of each case the source holds, each counted at its first line.</summary>
    public Dictionary<string, long> FirstPerCase { get; } = new(StringComparer.Ordinal);

    /// <summary>How many checked facts go to the writer at a time: one hand-over per block, not per fact.</summary>
    public const int BlockSize = 256;

    /// <summary>
    /// Checks the whole source, handing every fact to write to <paramref name="accepted"/> in blocks of
    /// <see cref="BlockSize"/>, and completes it. <paramref name="recordedAt"/> goes into each fact's headers.
    /// </summary>
    public async Task RunAsync(IEvidenceSource source, DateTimeOffset recordedAt, ImportSummary summary,
        ChannelWriter<CheckedFact[]> accepted, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        var recordedAtText = HashChain.RenderRecordedAt(recordedAt);
        var block = new List<CheckedFact>(BlockSize);
        try
        {
            await foreach (var (line, parsed) in OrderedParallel.MapAsync(source.ReadAsync(ct), l => Parse(source, recordedAtText, l), ct))
            {
                if (line.Number % ProgressEvery == 0)
                    progress?.Report(new ImportProgress(ImportPhase.Checking, line.BytesRead, source.Length, line.Number));
                if (parsed is null) continue;
                summary.Lines++;
                var toWrite = Check(source.Name, line, parsed, summary);
                // Refused, a check that leaves repeats to the table is run again by one that finds them and names every
                // problem: reading on would only do the same work twice.
                if (_failed && !FindsRepeats) break;
                if (toWrite is null) continue;
                block.Add(toWrite);
                if (block.Count < BlockSize) continue;
                await accepted.WriteAsync([.. block], ct);
                block.Clear();
            }

            if (block.Count > 0 && !_failed) await accepted.WriteAsync([.. block], ct);
        }
        finally
        {
            accepted.Complete();
        }

        if (_unplaced.Count > 0) await PlaceRepeatsAsync(source, ct);

        progress?.Report(new ImportProgress(ImportPhase.Checking, source.Length ?? 0, source.Length, summary.Lines));
    }

    /// <summary>
    /// What can be known of a line on its own, on every core: the fact, its canonical form, digest and key, and its
    /// headers but for the chain hash; null for a blank line.
    /// </summary>
    private static ParsedLine? Parse(IEvidenceSource source, string recordedAt, SourceLine line)
    {
        if (line.Unreadable is null && string.IsNullOrWhiteSpace(line.Text)) return null;
        var (fact, errors) = FactParser.Parse(line);
        if (fact is null) return new ParsedLine(null, errors, default, default, [], []);
        var canonical = CanonicalFact.Bytes(fact);
        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(canonical, digest);
        return new ParsedLine(fact, errors, FactKey.Of(fact.Case, fact.Id), FactKey.Prefix(digest), canonical,
            FactHeaders.Template(digest, source.OriginOf(line), recordedAt));
    }

    private sealed record ParsedLine(CaseEvent? Fact, IReadOnlyList<FieldError> Errors, FactKey Key, UInt128 Digest, byte[] Canonical, byte[] Headers);

    /// <summary>Checks a line against the lines before it; returns the fact to write when it is the first of its kind and all is well so far.</summary>
    private CheckedFact? Check(string name, SourceLine line, ParsedLine parsed, ImportSummary summary)
    {
        var (fact, errors, key, digest, canonical, headers) = parsed;
        if (fact is null)
        {
            foreach (var error in errors) Fail(new LineError(name, line.Number, error.Field, error.Reason));
            return null;
        }

        if (fact is IMoneyFact money && !SameCurrencyAsCase(fact.Case, money.Currency, line.Number, out var expected))
        {
            Fail(new LineError(name, line.Number, "currency",
                $"case '{fact.Case}' is in {expected.Currency} (line {expected.Line}); one case has one currency"));
            return null;
        }

        if (_seen is not null && !_seen.TryAdd(key, digest, out var first))
        {
            if (first == digest)
            {
                summary.RepeatedInSource++;
                return null;
            }

            // Where the fact first stands is not kept (it would grow with the source): found again once the check ends.
            _unplaced.Add(new UnplacedRepeat(_errors.Count, key, fact.Case, fact.Id));
            Fail(new LineError(name, line.Number, "id", ""));
            return null;
        }

        var @case = Intern(fact.Case, summary);
        FirstPerCase[@case] = FirstPerCase.GetValueOrDefault(@case) + 1;
        // A source with errors writes nothing, so from its first error on nothing more is handed on.
        return _failed ? null : new CheckedFact(line.Number, line.BytesRead, @case, fact.Id, key, digest, fact.Type, canonical, headers);
    }

    private void Fail(LineError error)
    {
        _errors.Add(error);
        _failed = true;
    }

    private bool SameCurrencyAsCase(string @case, string currency, long line, out (string Currency, long Line) expected)
    {
        if (!_currencies.TryGetValue(@case, out expected))
        {
            _currencies[@case] = expected = (currency, line);
            return true;
        }

        return expected.Currency == currency;
    }

    /// <summary>
    /// Reads the source again, as far as needed, to name in the error of each repeat with other content the line where
    /// the fact first stands.
    /// </summary>
    private async Task PlaceRepeatsAsync(IEvidenceSource source, CancellationToken ct)
    {
        var firstLines = _unplaced.Select(r => r.Key).Distinct().ToDictionary(k => k, _ => 0L);
        var unfound = firstLines.Count;
        await foreach (var (line, key) in OrderedParallel.MapAsync(source.ReadAsync(ct), KeyOf, ct))
        {
            if (key is not { } k || !firstLines.TryGetValue(k, out var known) || known != 0) continue;
            firstLines[k] = line.Number;
            if (--unfound == 0) break;
        }

        foreach (var repeat in _unplaced)
            _errors[repeat.Error] = _errors[repeat.Error] with
            {
                Reason = $"'{repeat.Id}' of case '{repeat.Case}' already stands at {source.Name}:{firstLines[repeat.Key]} with other content",
            };
    }

    private static FactKey? KeyOf(SourceLine line)
    {
        if (line.Unreadable is not null || string.IsNullOrWhiteSpace(line.Text)) return null;
        return FactParser.Parse(line).Fact is { } fact ? FactKey.Of(fact.Case, fact.Id) : null;
    }

    /// <summary>A line whose fact's id stands earlier with other content, its error waiting for that earlier line.</summary>
    private sealed record UnplacedRepeat(int Error, FactKey Key, string Case, string Id);

    /// <summary>The cases whose money facts in the source are in another currency than the one recorded: case and recorded currency.</summary>
    public Dictionary<string, string> CurrencyConflicts(RecordedFacts recorded) =>
        _currencies
            .Where(c => recorded.CurrencyOf(c.Key) is { } known && known != c.Value.Currency)
            .ToDictionary(c => c.Key, c => recorded.CurrencyOf(c.Key)!, StringComparer.Ordinal);

    /// <summary>One string per case for every fact of it, and the case counted in the summary when first met.</summary>
    private string Intern(string @case, ImportSummary summary)
    {
        if (_lastCase == @case) return _lastCase;
        if (!_cases.TryGetValue(@case, out var known))
        {
            _cases[@case] = known = @case;
            summary.Cases.Add(known);
        }

        return _lastCase = known;
    }

}
