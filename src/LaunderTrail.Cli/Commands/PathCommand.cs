using System.ComponentModel;
using LaunderTrail.Cli.Rendering;
using LaunderTrail.Exports;
using LaunderTrail.Tracing;
using Spectre.Console;
using Spectre.Console.Cli;

namespace LaunderTrail.Cli.Commands;

/// <summary>
/// <c>laundertrail path --case C --from VICTIM-OR-ACCOUNT --to ACCOUNT</c>: the routes of the flow graph from a victim's
/// accounts (following only her money) or from an account (following every edge) to the target, hop by hop, with the
/// amount on each hop; traced on demand from the checked events, like the graph.
/// </summary>
public sealed class PathCommand : TracedCaseCommand<PathCommand.Settings>
{
    public sealed class Settings : TracedCaseSettings
    {
        [CommandOption("--from <VICTIM-OR-ACCOUNT>")]
        [Description("A victim's holder name (all her accounts, her money only) or an account (a victim's: her money; any other: every edge).")]
        public required string From { get; init; }

        [CommandOption("--to <ACCOUNT>")]
        [Description("The account the routes end at, e.g. a card merchant's.")]
        public required string To { get; init; }

        [CommandOption("--max-hops <HOPS>")]
        [Description("The longest route followed, in hops (1 to 32).")]
        [DefaultValue(FlowPaths.DefaultMaxHops)]
        public int MaxHops { get; init; } = FlowPaths.DefaultMaxHops;

        [CommandOption("--json")]
        [Description("Write the routes as JSON (docs/interchange.md, \"Paths\") instead of the terminal view.")]
        public bool Json { get; init; }

        public override ValidationResult Validate()
        {
            if (string.IsNullOrWhiteSpace(Case)) return ValidationResult.Error("--case is required");
            if (string.IsNullOrEmpty(From)) return ValidationResult.Error("--from needs a victim's holder name or an account");
            if (string.IsNullOrEmpty(To)) return ValidationResult.Error("--to needs an account");
            if (MaxHops is < 1 or > FlowPaths.MostHops) return ValidationResult.Error($"--max-hops must be 1 to {FlowPaths.MostHops}");
            return CheckRuleAndMoments();
        }
    }

    protected override async Task<int> RunAsync(Settings settings, CancellationToken ct)
    {
        var rule = settings.TracingRule;
        var knownAt = TimeOption.Parse(settings.KnownAt);
        await using var store = await Database.OpenAsync(settings, ct);
        var graph = await GraphWithFacts.ReadAsync(store, settings.Case, rule, TimeOption.Parse(settings.AsOf), knownAt, ct);
        if (graph is null)
        {
            Diagnostics.Error($"case {settings.Case}: no facts recorded");
            return ExitCodes.NoInput;
        }

        if (FlowPaths.StartOf(graph, settings.From) is not { } start)
        {
            Diagnostics.Error($"case {settings.Case}: no victim is named '{settings.From}' and no account '{settings.From}' " +
                              "moved or received money in its flow graph");
            return ExitCodes.NoInput;
        }
        if (FlowPaths.AccountNode(graph, settings.To) is null)
        {
            Diagnostics.Error($"case {settings.Case}: no account '{settings.To}' moved or received money in its flow graph");
            return ExitCodes.NoInput;
        }

        var routes = FlowPaths.Find(graph, settings.From, start, settings.To, settings.MaxHops);
        if (settings.Json)
        {
            await using var stdout = Console.OpenStandardOutput();
            FlowRoutesJson.Write(graph, knownAt, routes, stdout);
        }
        else FlowRoutesView.Write(AnsiConsole.Console, graph, routes);
        return ExitCodes.Ok;
    }
}
