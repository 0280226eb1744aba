using System.ComponentModel;
using LaunderTrail.Access;
using LaunderTrail.Court;
using Spectre.Console;
using Spectre.Console.Cli;

namespace LaunderTrail.Cli.Commands;

/// <summary>
/// <c>laundertrail access-log --case C</c>: who read or wrote the case through the API; <c>--lists</c>: who was shown
/// the figures of several cases at once (the case list, a merchant's totals), and which cases'. Both check the log's
/// hash chain.
/// </summary>
public sealed class AccessLogCommand : AsyncCommand<AccessLogCommand.Settings>
{
    public sealed class Settings : DatabaseSettings
    {
        [CommandOption("--case <CASE>")]
        [Description("The case number, e.g. SQ-2019-515.")]
        public string? Case { get; init; }

        [CommandOption("--lists")]
        [Description("Show the list access log instead: per-case figures shown by GET /cases and GET /merchants/{account}.")]
        public bool Lists { get; init; }

        public override ValidationResult Validate() =>
            string.IsNullOrWhiteSpace(Case) == Lists
                ? ValidationResult.Success()
                : ValidationResult.Error("Give either --case or --lists, not both.");
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken ct)
    {
        await using var store = await Database.OpenAsync(settings, ct);
        var log = new AccessLog(store.Documents);
        return settings.Lists ? await ShowListsAsync(log, ct) : await ShowCaseAsync(log, settings.Case!, ct);
    }

    private static async Task<int> ShowCaseAsync(AccessLog log, string @case, CancellationToken ct)
    {
        var records = await log.ReadAsync(@case, ct);
        var table = new Table().AddColumns("seq", "at", "key", "role", "endpoint", "parameters");
        foreach (var (seq, _, access) in records)
            table.AddRow(seq.ToString(), access.At.ToString("O"), Shown(access.KeyName), Shown(access.Role),
                Shown(access.Endpoint), Shown(Parameters(access.Parameters)));
        AnsiConsole.Write(table);

        if (AccessChain.FirstBroken(records) is { } broken)
        {
            Diagnostics.Error($"case {@case}: access log entry {broken.Seq} does not match its chain hash; the log was altered");
            return ExitCodes.VerificationFailed;
        }

        Diagnostics.Note($"{records.Count} access(es); the access log's hash chain holds.");
        return ExitCodes.Ok;
    }

    private static async Task<int> ShowListsAsync(AccessLog log, CancellationToken ct)
    {
        var records = await log.ReadListsAsync(ct);
        var table = new Table().AddColumns("seq", "at", "key", "role", "endpoint", "parameters", "cases shown");
        foreach (var (seq, _, access) in records)
            table.AddRow(seq.ToString(), access.At.ToString("O"), Shown(access.KeyName), Shown(access.Role),
                Shown(access.Endpoint), Shown(Parameters(access.Parameters)), Shown(string.Join(", ", access.Cases)));
        AnsiConsole.Write(table);

        if (AccessChain.FirstBroken(records) is { } broken)
        {
            Diagnostics.Error($"list access log entry {broken.Seq} does not match its chain hash; the log was altered");
            return ExitCodes.VerificationFailed;
        }

        Diagnostics.Note($"{records.Count} list(s) shown; the list access log's hash chain holds.");
        return ExitCodes.Ok;
    }

    private static string Parameters(IReadOnlyDictionary<string, string> parameters) =>
        string.Join(" ", parameters.Select(p => $"{p.Key}={p.Value}"));

    private static string Shown(string text) => Markup.Escape(VisibleText.Of(text));
}
