using System.ComponentModel;
using System.Text.Json;
using LaunderTrail.Cli.Rendering;
using LaunderTrail.Court;
using LaunderTrail.Evidence;
using LaunderTrail.Import.Statements;
using Spectre.Console;
using Spectre.Console.Cli;

namespace LaunderTrail.Cli.Commands;

/// <summary><c>laundertrail statements --case C</c>: the statements a case holds, their periods, rows and reconciliation.</summary>
public sealed class StatementsCommand : AsyncCommand<StatementsCommand.Settings>
{
    public sealed class Settings : DatabaseSettings
    {
        [CommandOption("--case <CASE>")]
        [Description("The case whose statements to list.")]
        public required string Case { get; init; }

        [CommandOption("--json")]
        [Description("Write the statements as JSON (the recorded facts, in import order).")]
        public bool Json { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken ct)
    {
        await using var store = await Database.OpenAsync(settings, ct);
        var statements = await StatementList.OfCaseAsync(store, settings.Case, ct);
        if (settings.Json)
        {
            using var output = Console.OpenStandardOutput();
            using (var writer = new Utf8JsonWriter(output, EvidenceJson.ReportLayout))
                JsonSerializer.Serialize(writer, statements, EvidenceJson.Options);
            output.Write("\n"u8);
            return ExitCodes.Ok;
        }

        if (statements.Count == 0)
        {
            Diagnostics.Note($"Case {settings.Case} holds no imported statement.");
            return ExitCodes.Ok;
        }

        var table = StatementImportView.StatementsTable(withAccounts: true);
        foreach (var s in statements)
            table.AddRow(Escape(s.File), s.Profile, Escape(string.Join(", ", s.Accounts)),
                StatementImportView.Period(s.PeriodFrom, s.PeriodTo), $"{s.RowsUsed:N0}", $"{s.RowsSkipped:N0}",
                $"{s.RowsMatched:N0}", $"{s.RowsForReview:N0}", StatementImportView.Reconciles(s.Reconciles));
        AnsiConsole.Write(table);
        foreach (var s in statements)
        {
            AnsiConsole.MarkupLineInterpolated($"{VisibleText.Of(s.File)}: SHA-256 {s.Sha256}");
            foreach (var gap in s.Breaks ?? [])
                AnsiConsole.MarkupLineInterpolated($"[red]{VisibleText.Of(s.File)}: balance break {VisibleText.Of(gap)}[/]");
        }

        return ExitCodes.Ok;
    }

    private static string Escape(string text) => Markup.Escape(VisibleText.Of(text));
}
