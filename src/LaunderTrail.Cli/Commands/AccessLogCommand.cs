using System.ComponentModel;
using LaunderTrail.Access;
using LaunderTrail.Court;
using Spectre.Console;
using Spectre.Console.Cli;

namespace LaunderTrail.Cli.Commands;

/// <summary><c>laundertrail access-log --case C</c>: who read or wrote the case through the API, and whether that log's chain holds.</summary>
public sealed class AccessLogCommand : AsyncCommand<AccessLogCommand.Settings>
{
    public sealed class Settings : DatabaseSettings
    {
        [CommandOption("--case <CASE>")]
        [Description("The case number, e.g. SQ-2019-515.")]
        public required string Case { get; init; }

        public override ValidationResult Validate() =>
            string.IsNullOrWhiteSpace(Case) ? ValidationResult.Error("--case is required") : ValidationResult.Success();
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken ct)
    {
        await using var store = await Database.OpenAsync(settings, ct);
        var records = await new AccessLog(store).ReadAsync(settings.Case, ct);
        var table = new Table().AddColumns("seq", "at", "key", "role", "endpoint", "parameters");
        foreach (var (seq, _, access) in records)
            table.AddRow(seq.ToString(), access.At.ToString("O"), Shown(access.KeyName), Shown(access.Role),
                Shown(access.Endpoint), Shown(string.Join(" ", access.Parameters.Select(p => $"{p.Key}={p.Value}"))));
        AnsiConsole.Write(table);

        if (AccessChain.FirstBroken(records) is { } broken)
        {
            Diagnostics.Error($"case {settings.Case}: access log entry {broken.Seq} does not match its chain hash; the log was altered");
            return ExitCodes.VerificationFailed;
        }

        Diagnostics.Note($"{records.Count} access(es); the access log's hash chain holds.");
        return ExitCodes.Ok;
    }

    private static string Shown(string text) => Markup.Escape(VisibleText.Of(text));
}
