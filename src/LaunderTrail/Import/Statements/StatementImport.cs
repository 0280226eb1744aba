using LaunderTrail.Storage;
using Npgsql;

namespace LaunderTrail.Import.Statements;

/// <summary>
/// Imports statements (and any JSON Lines files given with them) into a case, all or nothing: every file is read and
/// checked first, and any problem in any of them (<c>FILE:ROW: column: reason</c>) writes nothing. Then the rows are
/// matched against each other and against what the case already holds from statements, and everything is handed to
/// the importer of JSON Lines (<see cref="EvidenceImporter"/>) as interchange lines: the same checks, the same hash
/// chain, the same binary COPY, all in one transaction. A statement whose bytes the case already holds records nothing.
/// </summary>
public sealed class StatementImport(CaseStore store, TimeProvider clock)
{
    /// <param name="files">Statements, alias tables (a CSV headed <c>shown,account</c>) and JSON Lines files, in the order given.</param>
    /// <param name="options">How to read the statements; null when only JSON Lines files are given.</param>
    /// <param name="dryRun">Read, check and match, but write nothing: the result holds the lines that would be recorded.</param>
    public Task<StatementImportOutcome> RunAsync(IReadOnlyList<StatementFile> files, IReadOnlyList<StatementFile> aliasFiles,
        StatementOptions? options, string recordedBy, bool dryRun, CancellationToken ct) =>
        RunAsync(files, aliasFiles, options, recordedBy, dryRun, openCallersTransaction: null, ct);

    /// <summary>
    /// Records the statements as the other overload does, inside a transaction the caller owns and commits
    /// (<see cref="EvidenceImporter.ImportAsync(IEvidenceSource, string, Npgsql.NpgsqlConnection, CancellationToken)"/>):
    /// the statement lock is the transaction's too, held until it ends.
    /// </summary>
    /// <param name="openCallersTransaction">
    /// Begins the caller's transaction and gives its connection; called only once every file has been read and found
    /// good, so that no connection waits in a transaction while uploads are parsed.
    /// </param>
    public Task<StatementImportOutcome> RunAsync(IReadOnlyList<StatementFile> files, IReadOnlyList<StatementFile> aliasFiles,
        StatementOptions? options, string recordedBy, Func<CancellationToken, Task<NpgsqlConnection>> openCallersTransaction,
        CancellationToken ct) =>
        RunAsync(files, aliasFiles, options, recordedBy, dryRun: false, (Func<CancellationToken, Task<NpgsqlConnection>>?)openCallersTransaction, ct);

    private async Task<StatementImportOutcome> RunAsync(IReadOnlyList<StatementFile> files, IReadOnlyList<StatementFile> aliasFiles,
        StatementOptions? options, string recordedBy, bool dryRun, Func<CancellationToken, Task<NpgsqlConnection>>? openCallersTransaction,
        CancellationToken ct)
    {
        var errors = new List<LineError>();
        var jsonLines = new List<StatementFile>();
        var statements = new List<(StatementFile File, FileKind Kind)>();
        var aliases = aliasFiles.ToList();
        foreach (var file in files)
        {
            var kind = file.Kind();
            if (kind == FileKind.JsonLines) jsonLines.Add(file);
            else if (kind == FileKind.Unreadable) errors.Add(new LineError(file.Name, 1, "line", "is named as a spreadsheet but is not an XLSX or XLS file"));
            else if (kind == FileKind.Csv && IsAliasTable(file)) aliases.Add(file);
            else statements.Add((file, kind));
        }

        if (statements.Count > 0 && options is null)
            errors.AddRange(statements.Select(s => new LineError(s.File.Name, 1, "case", "a statement names no case: give --case")));
        if (errors.Count > 0) return StatementImportOutcome.Refused(errors);

        var (aliasTable, aliasErrors) = AliasTable.Read(aliases);
        errors.AddRange(aliasErrors);
        options = options is null ? null : options with { Aliases = aliasTable };

        await using var decisions = statements.Count == 0 ? null : await MatchTable.OpenAsync(store.Db, ct);
        var scans = new List<StatementScan>();
        foreach (var (file, kind) in statements)
        {
            var index = scans.Count;
            var scan = StatementScan.Run(file, kind, options!, (number, sheet, row) => decisions!.Add(index, number, sheet, row));
            if (scan.Map?.Layout.Profile == StatementProfiles.Mapping && options!.TimeZone is null && scan.Map.Layout.TimeZone is null)
                scan.Errors.Insert(0, new LineError(file.Name, 1, "tz", "the mapping names no time zone: give --tz (e.g. --tz +00:00)"));
            errors.AddRange(scan.Errors);
            scans.Add(scan);
        }

        if (errors.Count > 0) return StatementImportOutcome.Refused(errors);

        var callersTransaction = openCallersTransaction is null ? null : await openCallersTransaction(ct);
        // Matching decides against what the case holds, so from that read to the end of the write no other statement
        // import of the case may record: two imports of the two sides of one transfer would each record it.
        await using var statementLock = options is null ? null
            : await CaseLock.AcquireAsync(store.Db, callersTransaction, [StatementLockName(options.Case)], ct);
        var recorded = options is null
            ? RecordedStatements.None
            : await RecordedStatements.LoadAsync(store.Db, store.Schema, options.Case, ct);
        var (planned, alreadyImported, forReview) = decisions is null
            ? ([], [], [])
            : await PlanAsync(scans, recorded, decisions, ct);
        var plan = new StatementPlan(options?.Case ?? "", jsonLines, planned, decisions, options ?? new StatementOptions { Case = "" });
        var report = new StatementReport(planned, alreadyImported, forReview);

        if (dryRun)
        {
            var lines = new List<string>();
            await foreach (var (line, place) in plan.ReadPlacedAsync(ct))
            {
                if (FactParser.Parse(line) is { Fact: null } refused)
                    errors.AddRange(refused.Errors.Select(e => StatementPlan.Locate(new LineError(plan.Name, line.Number, e.Field, e.Reason), place)));
                else if (!string.IsNullOrWhiteSpace(line.Text)) lines.Add(line.Text);
            }

            return errors.Count > 0 ? StatementImportOutcome.Refused(errors) : new StatementImportOutcome([], null, report, lines);
        }

        var importer = new EvidenceImporter(store, clock);
        var outcome = callersTransaction is null
            ? await importer.ImportAsync(plan, recordedBy, ct: ct)
            : await importer.ImportAsync(plan, recordedBy, callersTransaction, ct);
        return outcome.Accepted
            ? new StatementImportOutcome([], outcome.Summary, report, null)
            : StatementImportOutcome.Refused(await plan.LocateAsync(outcome.Errors, ct));
    }

    /// <summary>The lock statement imports of a case take; a name no case number written as such can share.</summary>
    private static string StatementLockName(string @case) => "\u0000statements\u0000" + @case;

    private static bool IsAliasTable(StatementFile file)
    {
        try
        {
            return StatementTable.Rows(file, FileKind.Csv).FirstOrDefault() is { } first && AliasTable.IsHeader(first.Cells);
        }
        catch (UnreadableStatementException)
        {
            return false;
        }
    }

    /// <summary>
    /// Leaves out the statements recorded already, matches the new statements' rows with each other and with the case's
    /// open transfers, and lists the rows left for review.
    /// </summary>
    private static async Task<(List<PlannedStatement> Planned, List<(StatementScan Scan, string RecordedAs)> AlreadyImported, List<string> ForReview)>
        PlanAsync(List<StatementScan> scans, RecordedStatements recorded, MatchTable decisions, CancellationToken ct)
    {
        var alreadyImported = new List<(StatementScan, string)>();
        var fresh = new List<int>();
        var shas = new Dictionary<string, StatementScan>(StringComparer.Ordinal);
        for (var i = 0; i < scans.Count; i++)
        {
            var scan = scans[i];
            if (recorded.HasStatement(scan.Sha256, out var earlier)) alreadyImported.Add((scan, $"recorded earlier as {earlier.File}"));
            else if (shas.TryGetValue(scan.Sha256, out var twin)) alreadyImported.Add((scan, $"the same bytes as {twin.File.Name}"));
            else
            {
                shas[scan.Sha256] = scan;
                fresh.Add(i);
            }
        }

        await decisions.DecideAsync(recorded.OpenTransfers, fresh, scans.Select(s => s.Sha256).ToList(), recorded.IsTaken, ct);
        var counts = await decisions.CountsAsync(ct);
        var planned = fresh
            .Select(i => (Index: i, Counts: counts.GetValueOrDefault(i)))
            .Select(s => new PlannedStatement(scans[s.Index], s.Index, s.Counts.Matched, s.Counts.ForReview))
            .ToList();
        var forReview = new List<string>();
        await foreach (var row in decisions.PlannedAsync(forReviewOnly: true, ct))
            forReview.Add(StatementReport.Describe(scans[row.Statement], row));
        return (planned, alreadyImported, forReview);
    }
}

/// <summary>
/// What a statement import did or would do: every error (then nothing was written), the importer's summary, each new
/// statement with its rows and reconciliation, and for a dry run the interchange lines it would have recorded.
/// </summary>
public sealed record StatementImportOutcome(
    IReadOnlyList<LineError> Errors,
    ImportSummary? Summary,
    StatementReport? Report,
    IReadOnlyList<string>? DryRunLines)
{
    public bool Accepted => Errors.Count == 0;

    public static StatementImportOutcome Refused(IReadOnlyList<LineError> errors) => new(errors, null, null, null);
}
