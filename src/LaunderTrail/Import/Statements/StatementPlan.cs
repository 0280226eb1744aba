using System.Runtime.CompilerServices;
using System.Text.Json;
using LaunderTrail.Evidence;

namespace LaunderTrail.Import.Statements;

/// <summary>
/// What one import run will record, as interchange lines the importer checks and writes like any other: the lines of
/// the JSON Lines files given, as they are, then for each new statement a fact per used row (a transfer, a second
/// side, or a row for review) in the statement's order, then the statement itself. Statements are read a second time
/// to produce their lines, so memory holds no row. Each line remembers where it came from, so errors and the recorded
/// origin name the file and row, never a line of this composite.
/// </summary>
internal sealed class StatementPlan(
    string @case,
    IReadOnlyList<StatementFile> jsonLines,
    IReadOnlyList<PlannedStatement> statements,
    StatementOptions options) : IEvidenceSource
{
    private readonly List<(string File, long Row, string? Sheet)> _origins = [];

    public string Name => "statement import";

    public long? Length => null;

    public string OriginOf(long line)
    {
        var (file, row, sheet) = _origins[(int)line - 1];
        return row == 0 ? Path.GetFileName(file) : sheet is null ? $"{Path.GetFileName(file)}:{row}" : $"{Path.GetFileName(file)}:{sheet}!{row}";
    }

    /// <summary>An error of the importer, about a line of this plan, as an error about the file and row it came from.</summary>
    public LineError Locate(LineError error)
    {
        if (error.Line < 1 || error.Line > _origins.Count) return error;
        var (file, row, sheet) = _origins[(int)error.Line - 1];
        return new LineError(file, Math.Max(row, 1), sheet is null ? error.Field : $"{sheet}!{error.Field}", error.Reason);
    }

    public async IAsyncEnumerable<SourceLine> ReadAsync([EnumeratorCancellation] CancellationToken ct)
    {
        _origins.Clear();
        long number = 0;
        foreach (var file in jsonLines)
        {
            await using var stream = file.Open();
            await foreach (var line in JsonLinesReader.ReadAsync(stream, ct))
            {
                _origins.Add((file.Name, line.Number, null));
                yield return line with { Number = ++number };
            }
        }

        foreach (var statement in statements)
        {
            foreach (var (row, sheet, fact) in statement.Facts(@case, options))
            {
                ct.ThrowIfCancellationRequested();
                _origins.Add((statement.Scan.File.Name, row, sheet));
                yield return Line(++number, fact);
            }
        }
    }

    private static SourceLine Line(long number, CaseEvent fact) =>
        new(number, JsonSerializer.Serialize(fact, fact.GetType(), EvidenceJson.Options), 0, FromStatement: true);
}
