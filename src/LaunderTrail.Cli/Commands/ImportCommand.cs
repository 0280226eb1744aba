using System.ComponentModel;
using LaunderTrail.Import;
using LaunderTrail.Cli.Rendering;
using Spectre.Console;
using Spectre.Console.Cli;

namespace LaunderTrail.Cli.Commands;

/// <summary><c>laundertrail import FILE</c>: record an evidence file; every bad line is reported and then nothing is written.</summary>
public sealed class ImportCommand : AsyncCommand<ImportCommand.Settings>
{
    public sealed class Settings : DatabaseSettings
    {
        [CommandArgument(0, "<FILE>")]
        [Description("JSON Lines file in the LaunderTrail interchange format (docs/interchange.md).")]
        public required string File { get; init; }

        [CommandOption("--recorded-by <NAME>")]
        [Description("Who records the facts, stored with each of them. Default: the operating-system user.")]
        public string? RecordedBy { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken ct)
    {
        if (!File.Exists(settings.File))
        {
            Diagnostics.Error($"{settings.File}: no such file");
            return ExitCodes.NoInput;
        }

        if (Unreadable(settings.File) is { } reason)
        {
            Diagnostics.Error($"{settings.File}: cannot be read: {reason}");
            return ExitCodes.NoInput;
        }

        await using var store = await Database.OpenAsync(settings, ct);
        var outcome = await ImportFileAsync(store, settings.File, settings.RecordedBy ?? Environment.UserName, ct);
        if (!outcome.Accepted)
        {
            foreach (var error in outcome.Errors) Diagnostics.Error(error.ToString());
            Diagnostics.Error($"{outcome.Errors.Count} error(s) in {settings.File}; nothing was written.");
            return ExitCodes.DataError;
        }

        ImportSummaryView.Write(AnsiConsole.Console, outcome.Summary);
        return ExitCodes.Ok;
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
}
