using System.ComponentModel;
using LaunderTrail.Cli.Rendering;
using LaunderTrail.Court;
using LaunderTrail.Flows;
using LaunderTrail.Tracing;
using Npgsql;
using Spectre.Console;
using Spectre.Console.Cli;

namespace LaunderTrail.Cli.Commands;

/// <summary>
/// <c>laundertrail flows --case C</c>: where the victims' money went, under a tracing rule, at any moment. The terminal
/// view shows the totals, the card merchants and the largest losses' trails (<c>--victims N</c>); <c>--victim NAME</c>
/// draws one victim's trail, <c>--all</c> every trail.
/// </summary>
public sealed class FlowsCommand : AsyncCommand<FlowsCommand.Settings>
{
    public sealed class Settings : DatabaseSettings
    {
        [CommandOption("--case <CASE>")]
        [Description("The case number, e.g. SQ-2019-515.")]
        public required string Case { get; init; }

        [CommandOption("--rule <RULE>")]
        [Description("Tracing rule for mixed money: fifo, pro-rata or libr.")]
        [DefaultValue("pro-rata")]
        public string Rule { get; init; } = "pro-rata";

        [CommandOption("--as-of <TIME>")]
        [Description("Only facts that happened by this time (ISO-8601 with offset): the flows as they stood then.")]
        public string? AsOf { get; init; }

        [CommandOption("--known-at <TIME>")]
        [Description("Only facts recorded by this time: the flows as LaunderTrail knew them then.")]
        public string? KnownAt { get; init; }

        [CommandOption("--json")]
        [Description("Write the flow report of the interchange format (docs/interchange.md) instead of the terminal view.")]
        public bool Json { get; init; }

        [CommandOption("--victims <COUNT>")]
        [Description("How many victims' trails the terminal view draws, largest loss first.")]
        [DefaultValue(VictimSelection.DefaultLargest)]
        public int Victims { get; init; } = VictimSelection.DefaultLargest;

        [CommandOption("--victim <NAME>")]
        [Description("Draw only the trail of the victim with this holder name or account.")]
        public string? Victim { get; init; }

        [CommandOption("--all")]
        [Description("Draw every victim's trail, in the report's order (long for a large case).")]
        public bool All { get; init; }

        public override ValidationResult Validate()
        {
            if (string.IsNullOrWhiteSpace(Case)) return ValidationResult.Error("--case is required");
            if (Victims < 0) return ValidationResult.Error("--victims must be 0 or more");
            if (All && Victim is not null) return ValidationResult.Error("give --all or --victim, not both");
            if (Victim is { Length: 0 }) return ValidationResult.Error("--victim needs a holder name or an account");
            if (!TracingRules.TryParse(Rule, out _)) return ValidationResult.Error("--rule must be fifo, pro-rata or libr");
            var asOf = TimeOption.Check(AsOf, "--as-of");
            return asOf.Successful ? TimeOption.Check(KnownAt, "--known-at") : asOf;
        }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken ct)
    {
        try
        {
            return await ShowAsync(settings, ct);
        }
        catch (Exception failure) when (failure is not OperationCanceledException and not NpgsqlException and not TamperedCaseException)
        {
            Diagnostics.Error($"case {settings.Case}: {UnreadableCase.ReasonOf(failure)}: {failure.GetType().Name}: {failure.Message}");
            return ExitCodes.DataError;
        }
    }

    private static async Task<int> ShowAsync(Settings settings, CancellationToken ct)
    {
        TracingRules.TryParse(settings.Rule, out var rule);
        await using var store = await Database.OpenAsync(settings, ct);
        var queries = new FlowQueries(store);
        var (asOf, knownAt) = (TimeOption.Parse(settings.AsOf), TimeOption.Parse(settings.KnownAt));
        if (settings.Json)
        {
            await using var json = await queries.OpenReportJsonAsync(settings.Case, rule, asOf, knownAt, ct);
            if (json is null) return NoFacts(settings.Case);
            await using var stdout = Console.OpenStandardOutput();
            await json.CopyToAsync(stdout, ct);
            return ExitCodes.Ok;
        }

        var report = await queries.ReportAsync(settings.Case, rule, asOf, knownAt, ct);
        if (report is null) return NoFacts(settings.Case);
        VictimSelection selection = settings switch
        {
            { All: true } => new VictimSelection.All(),
            { Victim: { } victim } => new VictimSelection.Named(victim),
            _ => new VictimSelection.Largest(settings.Victims),
        };
        if (selection is VictimSelection.Named named && VictimSelection.Matching(report.Victims, named.NameOrAccount).Count == 0)
        {
            Diagnostics.Error($"case {settings.Case}: no victim is named '{named.NameOrAccount}' or holds that account " +
                              $"({report.Victims.Count:N0} victims; the default view lists the largest losses)");
            return ExitCodes.NoInput;
        }

        FlowReportView.Write(AnsiConsole.Console, report, selection);
        return ExitCodes.Ok;
    }

    private static int NoFacts(string @case)
    {
        Diagnostics.Error($"case {@case}: no facts recorded");
        return ExitCodes.NoInput;
    }
}
