using System.Diagnostics;
using LaunderTrail.Cli.Rendering;
using LaunderTrail.Flows;
using Spectre.Console;
using Spectre.Console.Cli;

namespace LaunderTrail.Cli.Commands;

/// <summary>
/// <c>laundertrail rebuild</c>: rebuild every read model from the recorded events. A case whose events were altered
/// is named and left without read models, the others are rebuilt, and the exit code is 1.
/// </summary>
public sealed class RebuildCommand : AsyncCommand<DatabaseSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, DatabaseSettings settings, CancellationToken ct)
    {
        await using var store = await Database.OpenAsync(settings, ct);
        var clock = Stopwatch.StartNew();
        var rebuilt = await new FlowProjector(store).RebuildAsync(new RebuildProgress(), ct);
        var seconds = Math.Max(clock.Elapsed.TotalSeconds, 0.001);
        AnsiConsole.MarkupLineInterpolated(
            $"Rebuilt the flow read models from {rebuilt.Facts:N0} events in {seconds:0.00} s: {rebuilt.Facts / seconds:N0} events/s.");
        foreach (var refused in rebuilt.Refused) Diagnostics.Error($"REFUSED {refused.Message}");
        return rebuilt.Refused.Count == 0 ? ExitCodes.Ok : ExitCodes.VerificationFailed;
    }
}
