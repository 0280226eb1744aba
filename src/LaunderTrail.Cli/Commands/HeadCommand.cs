using System.ComponentModel;
using LaunderTrail.Cases;
using LaunderTrail.Court;
using Spectre.Console;
using Spectre.Console.Cli;

namespace LaunderTrail.Cli.Commands;

/// <summary>
/// <c>laundertrail head --case C</c>: prints the case's chain head as <c>POS:HASH</c>, after checking the whole chain,
/// to be kept outside LaunderTrail (a covering letter, a ticket, another system) and checked later with
/// <c>laundertrail verify --case C --head POS:HASH</c>.
/// </summary>
public sealed class HeadCommand : AsyncCommand<HeadCommand.Settings>
{
    public sealed class Settings : DatabaseSettings
    {
        [CommandOption("--case <CASE>")]
        [Description("The case whose chain head to print.")]
        public string Case { get; init; } = "";

        public override ValidationResult Validate() =>
            string.IsNullOrWhiteSpace(Case) ? ValidationResult.Error("--case is required") : ValidationResult.Success();
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken ct)
    {
        await using var store = await Database.OpenAsync(settings, ct);
        var outcome = await StoredChainCheck.RunAsync(new CaseHistory(store), settings.Case, pinned: null, ct);
        if (outcome.Failure is { } failure)
        {
            Diagnostics.Error($"FAILED case {settings.Case}, {failure}; no head is given for altered events");
            return ExitCodes.VerificationFailed;
        }

        if (outcome.Head is not { } head)
        {
            Diagnostics.Error($"case {settings.Case}: no events recorded");
            return ExitCodes.NoInput;
        }

        Console.WriteLine(head.ToString());
        return ExitCodes.Ok;
    }
}
