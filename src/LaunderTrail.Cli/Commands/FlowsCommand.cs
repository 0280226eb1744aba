using System.ComponentModel;
using LaunderTrail.Cli.Rendering;
using LaunderTrail.Flows;
using LaunderTrail.Tracing;
using Spectre.Console;
using Spectre.Console.Cli;

namespace LaunderTrail.Cli.Commands;

/// <summary>
/// <c>laundertrail flows --case C</c>: where the victims' money went, under a tracing rule, at any moment. The terminal
/// view shows the totals, the card merchants and the largest losses' trails (<c>--victims N</c>); <c>--victim NAME</c>
/// draws one victim's trail, <c>--all</c> every trail. <c>--graph --json</c> writes the flow graph (every hop), and
/// <c>--compare</c> sets the three rules side by side; both are traced on demand from the checked events.
/// </summary>
public sealed class FlowsCommand : TracedCaseCommand<FlowsCommand.Settings>
{
    public sealed class Settings : TracedCaseSettings
    {
        [CommandOption("--json")]
        [Description("Write the flow report of the interchange format (docs/interchange.md) instead of the terminal view.")]
        public bool Json { get; init; }

        [CommandOption("--graph")]
        [Description("With --json: write the flow graph of the interchange format (every hop, docs/interchange.md) instead of the report.")]
        public bool Graph { get; init; }

        [CommandOption("--compare")]
        [Description("The three rules side by side, per victim; with --json the three reports keyed by rule name.")]
        public bool Compare { get; init; }

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
            if (Graph && !Json) return ValidationResult.Error("--graph writes JSON only: give --graph --json");
            if (Graph && Compare) return ValidationResult.Error("give --graph or --compare, not both");
            if (Compare && Rule is not null) return ValidationResult.Error("--compare shows every rule: leave out --rule");
            return CheckRuleAndMoments();
        }
    }

    protected override async Task<int> RunAsync(Settings settings, CancellationToken ct)
    {
        var rule = settings.TracingRule;
        await using var store = await Database.OpenAsync(settings, ct);
        var queries = new FlowQueries(store);
        var (asOf, knownAt) = (TimeOption.Parse(settings.AsOf), TimeOption.Parse(settings.KnownAt));
        if (settings.Compare) return await CompareAsync(queries, settings, asOf, knownAt, ct);
        if (settings.Graph)
        {
            await using var graph = await queries.OpenGraphJsonAsync(settings.Case, rule, asOf, knownAt, ct);
            if (graph is null) return NoFacts(settings.Case);
            await using var stdout = Console.OpenStandardOutput();
            await graph.CopyToAsync(stdout, ct);
            return ExitCodes.Ok;
        }

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
        var selection = SelectionOf(settings);
        if (NamesNoVictim(settings.Case, report, selection)) return ExitCodes.NoInput;

        FlowReportView.Write(AnsiConsole.Console, report, selection);
        return ExitCodes.Ok;
    }

    private static readonly TracingRule[] Compared = [TracingRule.Fifo, TracingRule.ProRata, TracingRule.Libr];

    private static async Task<int> CompareAsync(FlowQueries queries, Settings settings, DateTimeOffset? asOf,
        DateTimeOffset? knownAt, CancellationToken ct)
    {
        if (settings.Json)
        {
            var written = await queries.OpenReportsJsonAsync(settings.Case, Compared, asOf, knownAt, ct);
            if (written is null) return NoFacts(settings.Case);
            await using var stdout = Console.OpenStandardOutput();
            await ComparedReportsJson.WriteAsync(written, stdout, ct);
            return ExitCodes.Ok;
        }

        var reports = await queries.ReportsAsync(settings.Case, Compared, asOf, knownAt, ct);
        if (reports is null) return NoFacts(settings.Case);

        var selection = SelectionOf(settings);
        if (NamesNoVictim(settings.Case, reports[0], selection)) return ExitCodes.NoInput;
        RuleComparisonView.Write(AnsiConsole.Console, reports, selection);
        return ExitCodes.Ok;
    }

    private static VictimSelection SelectionOf(Settings settings) => settings switch
    {
        { All: true } => new VictimSelection.All(),
        { Victim: { } victim } => new VictimSelection.Named(victim),
        _ => new VictimSelection.Largest(settings.Victims),
    };

    private static bool NamesNoVictim(string @case, FlowReport report, VictimSelection selection)
    {
        if (selection is not VictimSelection.Named named || VictimSelection.Matching(report.Victims, named.NameOrAccount).Count > 0)
            return false;
        Diagnostics.Error($"case {@case}: no victim is named '{named.NameOrAccount}' or holds that account " +
                          $"({report.Victims.Count:N0} victims; the default view lists the largest losses)");
        return true;
    }

    private static int NoFacts(string @case)
    {
        Diagnostics.Error($"case {@case}: no facts recorded");
        return ExitCodes.NoInput;
    }
}
