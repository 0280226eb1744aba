using System.ComponentModel;
using LaunderTrail.Cli.Rendering;
using LaunderTrail.Flows;
using LaunderTrail.Tracing;
using Spectre.Console;
using Spectre.Console.Cli;

namespace LaunderTrail.Cli.Commands;

/// <summary><c>laundertrail flows --case C</c>: where each victim's money went, under a tracing rule, at any moment.</summary>
public sealed class FlowsCommand : AsyncCommand<FlowsCommand.Settings>
{
    public sealed class Settings : DatabaseSettings
    {
        [CommandOption("--case <CASE>")]
        [Description("The case number, e.g. SQ-2019-515.")]
        public required string Case { get; init; }

        [CommandOption("--rule <RULE>")]
        [Description("Tracing rule for mixed money: fifo or pro-rata.")]
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

        public override ValidationResult Validate()
        {
            if (string.IsNullOrWhiteSpace(Case)) return ValidationResult.Error("--case is required");
            if (!TracingRules.TryParse(Rule, out _)) return ValidationResult.Error("--rule must be fifo or pro-rata");
            var asOf = TimeOption.Check(AsOf, "--as-of");
            return asOf.Successful ? TimeOption.Check(KnownAt, "--known-at") : asOf;
        }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken ct)
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
        FlowReportView.Write(AnsiConsole.Console, report);
        return ExitCodes.Ok;
    }

    private static int NoFacts(string @case)
    {
        Diagnostics.Error($"case {@case}: no facts recorded");
        return ExitCodes.NoInput;
    }
}
