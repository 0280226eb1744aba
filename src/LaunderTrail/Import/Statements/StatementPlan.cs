using System.Runtime.CompilerServices;
using System.Text.Json;
using LaunderTrail.Evidence;

namespace LaunderTrail.Import.Statements;

/// <summary>
/// What one import run will record, as interchange lines the importer checks and writes like any other: the lines of
/// the JSON Lines files given, as they are, then for each new statement a fact per used row (a transfer, a second
/// side, or a row for review) in the statement's order, then the statement itself. Statements are read a second time
/// to produce their lines, beside their rows' decisions read back from the database, so memory holds no row. Each line carries where it came from, so the recorded origin names
/// the file and row, never a line of this composite; errors are located by reading the plan again.
/// </summary>
internal sealed class StatementPlan(
    string @case,
    IReadOnlyList<StatementFile> jsonLines,
    IReadOnlyList<PlannedStatement> statements,
    MatchTable? decisions,
    StatementOptions options) : IEvidenceSource
{
    public string Name => "statement import";

    public long? Length => null;

    public IAsyncEnumerable<SourceLine> ReadAsync(CancellationToken ct) => ReadPlacedAsync(ct).Select(placed => placed.Line);

    /// <summary>
    /// Errors of the importer, about lines of this plan, as errors about the files and rows they came from: the plan
    /// is read again to find them, since it keeps nothing per line while it is read.
    /// </summary>
    public async Task<IReadOnlyList<LineError>> LocateAsync(IReadOnlyList<LineError> errors, CancellationToken ct)
    {
        var wanted = errors.Select(e => e.Line).ToHashSet();
        var places = new Dictionary<long, Place>();
        await foreach (var (line, place) in ReadPlacedAsync(ct))
        {
            if (!wanted.Contains(line.Number)) continue;
            places[line.Number] = place;
            if (places.Count == wanted.Count) break;
        }

        return errors.Select(e => places.TryGetValue(e.Line, out var place) ? Locate(e, place) : e).ToList();
    }

    /// <summary>An error of the importer about a line of this plan, as an error about the file and row it came from.</summary>
    public static LineError Locate(LineError error, Place place) =>
        new(place.File, Math.Max(place.Row, 1), place.Sheet is null ? error.Field : $"{place.Sheet}!{error.Field}", error.Reason);

    /// <summary>Every line of the plan with the file and row it comes from (row 0: the statement itself).</summary>
    public async IAsyncEnumerable<(SourceLine Line, Place Place)> ReadPlacedAsync([EnumeratorCancellation] CancellationToken ct)
    {
        long number = 0;
        foreach (var file in jsonLines)
        {
            await using var stream = file.Open();
            await foreach (var line in JsonLinesReader.ReadAsync(stream, ct))
            {
                var place = new Place(file.Name, line.Number, null);
                yield return (line with { Number = ++number, Origin = place.Origin }, place);
            }
        }

        if (decisions is null) yield break;
        await using var plan = decisions.PlannedAsync(forReviewOnly: false, ct).GetAsyncEnumerator(ct);
        foreach (var statement in statements)
        {
            await foreach (var (row, sheet, fact) in statement.FactsAsync(@case, options, plan))
            {
                ct.ThrowIfCancellationRequested();
                var place = new Place(statement.Scan.File.Name, row, sheet);
                yield return (Line(++number, fact, place.Origin), place);
            }
        }
    }

    /// <summary>Where a line of the plan comes from: a file, and its line or row (0 for a statement's own fact), on a sheet.</summary>
    public sealed record Place(string File, long Row, string? Sheet)
    {
        /// <summary>As recorded beside the fact: <c>bank.csv:14</c>, <c>bill.xlsx:Sheet1!20</c>, <c>bank.csv</c>.</summary>
        public string Origin =>
            Row == 0 ? Path.GetFileName(File) : Sheet is null ? $"{Path.GetFileName(File)}:{Row}" : $"{Path.GetFileName(File)}:{Sheet}!{Row}";
    }

    private static SourceLine Line(long number, CaseEvent fact, string origin) =>
        new(number, JsonSerializer.Serialize(fact, fact.GetType(), EvidenceJson.Options), 0, FromStatement: true, Origin: origin);
}
