using System.Diagnostics;
using LaunderTrail.Cli.Rendering;
using LaunderTrail.Flows;
using Spectre.Console;
using Spectre.Console.Cli;

namespace LaunderTrail.Cli.Commands;

/// <summary><c>laundertrail rebuild</c>: rebuild every read model from the recorded events.</summary>
public sealed class RebuildCommand : AsyncCommand<DatabaseSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, DatabaseSettings settings, CancellationToken ct)
    {
        await using var store = await Database.OpenAsync(settings, ct);
        var clock = Stopwatch.StartNew();
        var facts = await new FlowProjector(store).RebuildAsync(new RebuildProgress(), ct);
        var seconds = Math.Max(clock.Elapsed.TotalSeconds, 0.001);
        AnsiConsole.MarkupLineInterpolated($"Rebuilt the flow read models from {facts:N0} events in {seconds:0.00} s: {facts / seconds:N0} events/s.");
        return ExitCodes.Ok;
    }
}
