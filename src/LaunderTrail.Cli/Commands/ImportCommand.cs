using System.ComponentModel;
using LaunderTrail.Flows;
using LaunderTrail.Import;
using LaunderTrail.Import.Statements;
using LaunderTrail.Cli.Rendering;
using Spectre.Console;
using Spectre.Console.Cli;

namespace LaunderTrail.Cli.Commands;

/// <summary>
/// <c>laundertrail import FILE...</c>: record evidence files, all of them or none; every problem is reported and then
/// nothing is written. JSON Lines files are read as interchange lines; CSV, XLSX and XLS files as bank and
/// payment-platform statements (docs/statements.md). A folder stands for the files in it.
/// </summary>
public sealed class ImportCommand : AsyncCommand<ImportCommand.Settings>
{
    public sealed class Settings : DatabaseSettings
    {
        [CommandArgument(0, "<FILE>")]
        [Description("JSON Lines files in the interchange format (docs/interchange.md), statements (.csv, .xlsx, .xls: docs/statements.md), alias tables (shown,account) or folders of them.")]
        public required string[] Files { get; init; }

        [CommandOption("--recorded-by <NAME>")]
        [Description("Who records the facts, stored with each of them. Default: the operating-system user.")]
        public string? RecordedBy { get; init; }

        [CommandOption("--case <CASE>")]
        [Description("The case the statements' facts belong to (JSON Lines name their case on every line).")]
        public string? Case { get; init; }

        [CommandOption("--profile <PROFILE>")]
        [Description("cn-bank, alipay, wechat or mapping. Default: recognised from each statement's header row.")]
        public string? Profile { get; init; }

        [CommandOption("--account <ACCOUNT>")]
        [Description("The statements' own account, where a file does not name it (a bill names its holder, not an account).")]
        public string? Account { get; init; }

        [CommandOption("--tz <OFFSET>")]
        [Description("Offset of the statements' local times, e.g. +08:00 (the default for cn-bank, alipay and wechat).")]
        public string? TimeZone { get; init; }

        [CommandOption("--mapping <FILE>")]
        [Description("For --profile mapping: a JSON file naming the columns (docs/statements.md).")]
        public string? Mapping { get; init; }

        [CommandOption("--aliases <FILE>")]
        [Description("A CSV with the header shown,account linking counterparties as statements show them to accounts.")]
        public string? Aliases { get; init; }

        [CommandOption("--no-trace")]
        [Description("Leave the imported cases' read models to the projection (laundertrail serve, or the next read) instead of tracing them before exiting.")]
        public bool NoTrace { get; init; }

        [CommandOption("--dry-run")]
        [Description("Read, check, match and reconcile, print the facts that would be recorded as JSON Lines, and write nothing.")]
        public bool DryRun { get; init; }

        public bool ReadsStatements =>
            Case is not null || Profile is not null || Account is not null || TimeZone is not null || Mapping is not null ||
            Aliases is not null || DryRun;

        public override ValidationResult Validate()
        {
            if (Profile is not null && !StatementProfiles.Names.Contains(Profile))
                return ValidationResult.Error("--profile must be one of: " + string.Join(", ", StatementProfiles.Names));
            if (TimeZone is not null && MappingFile.ParseOffset(TimeZone) is null)
                return ValidationResult.Error("--tz must be an offset such as +08:00 or -05:00");
            if (Profile == StatementProfiles.Mapping && Mapping is null)
                return ValidationResult.Error("--profile mapping needs --mapping FILE naming the columns");
            return ValidationResult.Success();
        }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken ct)
    {
        var paths = new List<string>();
        foreach (var given in settings.Files)
        {
            if (Directory.Exists(given))
            {
                var inFolder = Directory.EnumerateFiles(given)
                    .Where(f => !Path.GetFileName(f).StartsWith('.'))
                    .Order(StringComparer.Ordinal)
                    .ToList();
                paths.AddRange(inFolder.Where(IsEvidenceFile));
                foreach (var other in inFolder.Where(f => !IsEvidenceFile(f)))
                    Diagnostics.Note($"{other}: left out, not evidence by its name (.jsonl, .csv, .xlsx or .xls); name it to import it");
                continue;
            }

            paths.Add(given);
        }

        var extras = new[] { settings.Mapping, settings.Aliases }.OfType<string>();
        foreach (var path in paths.Concat(extras))
        {
            if (!File.Exists(path))
            {
                Diagnostics.Error($"{path}: no such file");
                return ExitCodes.NoInput;
            }

            if (Unreadable(path) is { } reason)
            {
                Diagnostics.Error($"{path}: cannot be read: {reason}");
                return ExitCodes.NoInput;
            }
        }

        await using var store = await Database.OpenAsync(settings, ct);
        var recordedBy = settings.RecordedBy ?? Environment.UserName;
        if (paths.Count == 1 && !settings.ReadsStatements && StatementFile.OnDisk(paths[0]).Kind() == FileKind.JsonLines)
        {
            var outcome = await ImportFileAsync(store, paths[0], recordedBy, ct);
            if (!outcome.Accepted) return Refuse(outcome.Errors, paths[0]);
            ImportSummaryView.Write(AnsiConsole.Console, outcome.Summary);
            if (!settings.NoTrace) await TraceAsync(store, outcome.Summary.Cases, ct);
            return ExitCodes.Ok;
        }

        return await ImportStatementsAsync(store, settings, paths, recordedBy, ct);
    }

    private static async Task<int> ImportStatementsAsync(LaunderTrail.Storage.CaseStore store, Settings settings,
        IReadOnlyList<string> paths, string recordedBy, CancellationToken ct)
    {
        MappingFile? mapping = null;
        if (settings.Mapping is { } mappingPath)
        {
            var (parsed, problem) = MappingFile.Parse(await File.ReadAllTextAsync(mappingPath, ct));
            if (problem is not null) return Refuse([new LineError(mappingPath, 1, "mapping", problem)], mappingPath);
            mapping = parsed;
        }

        var options = settings.Case is null
            ? null
            : new StatementOptions
            {
                Case = settings.Case, Profile = settings.Profile, Account = settings.Account, Mapping = mapping,
                TimeZone = settings.TimeZone is null ? null : MappingFile.ParseOffset(settings.TimeZone),
            };
        var aliases = settings.Aliases is null ? [] : new[] { StatementFile.OnDisk(settings.Aliases) };
        var outcome = await new StatementImport(store, TimeProvider.System)
            .RunAsync(paths.Select(StatementFile.OnDisk).ToList(), aliases, options, recordedBy, settings.DryRun, ct);
        if (!outcome.Accepted) return Refuse(outcome.Errors, paths.Count == 1 ? paths[0] : $"{paths.Count} files");

        if (outcome.DryRunLines is { } lines)
        {
            foreach (var line in lines) Console.Out.WriteLine(line);
            StatementImportView.Write(Diagnostics.Console, outcome.Report!);
            Diagnostics.Note($"Dry run: {lines.Count:N0} line(s) would be recorded; nothing was written.");
            return ExitCodes.Ok;
        }

        ImportSummaryView.Write(AnsiConsole.Console, outcome.Summary!);
        StatementImportView.Write(AnsiConsole.Console, outcome.Report!);
        if (!settings.NoTrace) await TraceAsync(store, outcome.Summary!.Cases, ct);
        return ExitCodes.Ok;
    }

    /// <summary>
    /// Leaves the imported cases' read models current, so the next read answers from them: the projection that
    /// <c>serve</c> runs would trace them too, but a command-line user may run no server, and skips what is current.
    /// </summary>
    private static async Task TraceAsync(LaunderTrail.Storage.CaseStore store, IEnumerable<string> cases, CancellationToken ct)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var progress = new SynchronousProgress<(string Case, long Facts)>(traced =>
            Diagnostics.Note($"traced case {traced.Case}: {traced.Facts:N0} facts, read models current ({clock.Elapsed.TotalSeconds:N1} s)"));
        foreach (var unreadable in await new FlowProjector(store).CatchUpAsync(cases, progress, ct: ct))
            Diagnostics.Error($"case {unreadable.Case} was recorded but not traced: {unreadable.Reason}");
    }

    private static int Refuse(IReadOnlyList<LineError> errors, string what)
    {
        foreach (var error in errors) Diagnostics.Error(error.ToString());
        Diagnostics.Error($"{errors.Count} error(s) in {what}; nothing was written.");
        return ExitCodes.DataError;
    }

    private static string? Unreadable(string path)
    {
        try
        {
            using var _ = File.OpenRead(path);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return e.Message;
        }
    }

    /// <summary>Imports with a progress bar on a terminal and plain progress lines otherwise.</summary>
    public static async Task<ImportOutcome> ImportFileAsync(LaunderTrail.Storage.CaseStore store, string path,
        string recordedBy, CancellationToken ct)
    {
        var importer = new EvidenceImporter(store, TimeProvider.System);
        var source = new JsonLinesFile(path);
        if (!Diagnostics.IsInteractive)
            return await importer.ImportAsync(source, recordedBy, new PlainProgress(Diagnostics.Note), ct);

        ImportOutcome? outcome = null;
        await Diagnostics.Console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async progressContext =>
            {
                var checking = progressContext.AddTask("checking", maxValue: source.Length ?? 1);
                var writing = progressContext.AddTask("writing", autoStart: false, maxValue: source.Length ?? 1);
                var progress = new Progress<ImportProgress>(p =>
                {
                    var task = p.Phase == ImportPhase.Checking ? checking : writing;
                    if (!task.IsStarted) task.StartTask();
                    task.Value = p.BytesDone;
                });
                outcome = await importer.ImportAsync(source, recordedBy, progress, ct);
                checking.Value = checking.MaxValue;
                writing.Value = writing.MaxValue;
            });
        return outcome!;
    }

    private static readonly string[] EvidenceExtensions = [".jsonl", ".csv", ".xlsx", ".xls"];

    /// <summary>Whether a file in a folder given to import is taken as evidence: read-me files and manifests beside the statements are not.</summary>
    private static bool IsEvidenceFile(string path) =>
        EvidenceExtensions.Contains(Path.GetExtension(path), StringComparer.OrdinalIgnoreCase);
}
