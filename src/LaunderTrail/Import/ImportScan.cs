using System.Security.Cryptography;
using System.Threading.Channels;
using LaunderTrail.Concurrency;
using LaunderTrail.Evidence;

namespace LaunderTrail.Import;

/// <summary>
/// The checking pass of an import: parses and validates every line, finds repeats and conflicts within the
/// source, and remembers for each fact only its key, digest and first line, so memory grows by a few dozen
/// bytes per fact and never holds the facts themselves. Each fact's first appearance is handed on at once, in its
/// canonical form, to the writer, which writes while the rest of the source is still being checked; from the
/// first error on nothing more is handed on, and the import rolls back what was written.
/// </summary>
internal sealed class ImportScan
{
    private const int ProgressEvery = 2_000;

    private readonly Dictionary<FactKey, Entry> _seen = new();
    private readonly Dictionary<string, string> _cases = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Currency, long Line)> _currencies = new(StringComparer.Ordinal);
    private readonly List<LineError> _errors = [];
    private volatile bool _failed;

    public IReadOnlyList<LineError> Errors => _errors;

    /// <summary>Whether an error has been found; read by the writer while the check goes on.</summary>
    public bool Failed => _failed;

    public Dictionary<string, long> NewFactsPerCase { get; } = new(StringComparer.Ordinal);

    /// <summary>Checks the whole source, handing every fact to write to <paramref name="accepted"/>, which it completes.</summary>
    public async Task RunAsync(IEvidenceSource source, ImportSummary summary, ChannelWriter<CheckedFact> accepted,
        IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        try
        {
            await foreach (var (line, parsed) in OrderedParallel.MapAsync(source.ReadAsync(ct), Parse, ct))
            {
                if (line.Number % ProgressEvery == 0)
                    progress?.Report(new ImportProgress(ImportPhase.Checking, line.BytesRead, source.Length, line.Number));
                if (parsed is null) continue;
                summary.Lines++;
                if (Check(source.Name, line, parsed, summary) is { } toWrite)
                    await accepted.WriteAsync(toWrite, ct);
            }
        }
        finally
        {
            accepted.Complete();
        }

        progress?.Report(new ImportProgress(ImportPhase.Checking, source.Length ?? 0, source.Length, summary.Lines));
    }

    /// <summary>What can be known of a line on its own; null for a blank line.</summary>
    private static ParsedLine? Parse(SourceLine line)
    {
        if (line.Unreadable is null && string.IsNullOrWhiteSpace(line.Text)) return null;
        var (fact, errors) = FactParser.Parse(line);
        if (fact is null) return new ParsedLine(null, errors, [], []);
        var canonical = CanonicalFact.Bytes(fact);
        return new ParsedLine(fact, errors, canonical, SHA256.HashData(canonical));
    }

    private sealed record ParsedLine(CaseEvent? Fact, IReadOnlyList<FieldError> Errors, byte[] Canonical, byte[] Digest);

    /// <summary>Checks a line against the lines before it; returns the fact to write when it is the first of its kind and all is well so far.</summary>
    private CheckedFact? Check(string name, SourceLine line, ParsedLine parsed, ImportSummary summary)
    {
        var (fact, errors, canonical, fullDigest) = parsed;
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

        var key = FactKey.Of(fact.Case, fact.Id);
        var digest = FactKey.Prefix(fullDigest);
        if (_seen.TryGetValue(key, out var first))
        {
            if (first.Digest == digest)
                summary.RepeatedInSource++;
            else
                Fail(new LineError(name, line.Number, "id",
                    $"'{fact.Id}' of case '{fact.Case}' already stands at {name}:{first.Line} with other content"));
            return null;
        }

        var @case = Intern(fact.Case);
        summary.Cases.Add(@case);
        _seen[key] = new Entry(digest, line.Number, @case, fact.Type);
        // A source with errors writes nothing, so from its first error on nothing more is handed on.
        return _failed ? null : new CheckedFact(line.Number, line.BytesRead, @case, key, fact.Type, canonical, fullDigest);
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
    /// Compares the source with what the store holds: facts recorded with the same content are skipped, those
    /// with other content are returned as conflicts (key and line).
    /// </summary>
    public Dictionary<FactKey, long> MarkRecorded(RecordedFacts recorded, ImportSummary summary)
    {
        var conflicts = new Dictionary<FactKey, long>();
        foreach (var (key, entry) in _seen)
        {
            var isRecorded = recorded.TryGetDigest(key, out var digest);
            if (isRecorded && digest != entry.Digest)
            {
                conflicts[key] = entry.Line;
                continue;
            }

            summary.ByType.TryGetValue(entry.Type, out var counts);
            if (isRecorded)
            {
                summary.AlreadyRecorded++;
                summary.ByType[entry.Type] = counts with { AlreadyRecorded = counts.AlreadyRecorded + 1 };
            }
            else
            {
                summary.Recorded++;
                summary.ByType[entry.Type] = counts with { Recorded = counts.Recorded + 1 };
                NewFactsPerCase[entry.Case] = NewFactsPerCase.GetValueOrDefault(entry.Case) + 1;
            }
        }

        return conflicts;
    }

    /// <summary>The cases whose money facts in the source are in another currency than the one recorded: case and recorded currency.</summary>
    public Dictionary<string, string> CurrencyConflicts(RecordedFacts recorded) =>
        _currencies
            .Where(c => recorded.CurrencyOf(c.Key) is { } known && known != c.Value.Currency)
            .ToDictionary(c => c.Key, c => recorded.CurrencyOf(c.Key)!, StringComparer.Ordinal);

    private string Intern(string @case)
    {
        if (_cases.TryGetValue(@case, out var known)) return known;
        _cases[@case] = @case;
        return @case;
    }

    private readonly record struct Entry(UInt128 Digest, long Line, string Case, string Type);
}
