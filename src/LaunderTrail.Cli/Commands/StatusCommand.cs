using System.ComponentModel;
using LaunderTrail.Flows;
using Spectre.Console;
using Spectre.Console.Cli;

namespace LaunderTrail.Cli.Commands;

/// <summary>
/// <c>laundertrail status --case C [--wait SECONDS]</c>: prints <c>{ "recorded": N, "traced": M }</c>, the case's last
/// recorded fact and the last one its read models reflect. Exit code 0 when they meet, 75 (try again) when newer facts
/// are still being traced.
/// </summary>
public sealed class StatusCommand : AsyncCommand<StatusCommand.Settings>
{
    public sealed class Settings : DatabaseSettings
    {
        [CommandOption("--case <CASE>")]
        [Description("The case whose read models' progress to print.")]
        public string Case { get; init; } = "";

        [CommandOption("--wait <SECONDS>")]
        [Description("Wait up to this long for the read models to reflect every recorded fact.")]
        public int? Wait { get; init; }

        public override ValidationResult Validate() =>
            string.IsNullOrWhiteSpace(Case) ? ValidationResult.Error("--case is required")
            : Wait is < 0 ? ValidationResult.Error("--wait must be a number of seconds, 0 or more")
            : ValidationResult.Success();
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken ct)
    {
        await using var store = await Database.OpenAsync(settings, ct);
        var wait = settings.Wait is { } seconds ? TimeSpan.FromSeconds(seconds) : (TimeSpan?)null;
        if (await new FlowQueries(store).StatusAsync(settings.Case, wait, ct) is not { } status)
        {
            Diagnostics.Error($"case {settings.Case}: no events recorded");
            return ExitCodes.NoInput;
        }

        Console.WriteLine($"{{ \"recorded\": {status.Recorded}, \"traced\": {status.Traced} }}");
        return status.IsCurrent ? ExitCodes.Ok : ExitCodes.TryAgain;
    }
}
