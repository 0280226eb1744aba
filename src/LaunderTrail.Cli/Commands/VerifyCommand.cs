using System.ComponentModel;
using LaunderTrail.Cases;
using LaunderTrail.Court;
using Spectre.Console.Cli;

namespace LaunderTrail.Cli.Commands;

/// <summary>
/// <c>laundertrail verify --case C</c> recomputes a case's hash chain from the database;
/// <c>laundertrail verify DIR</c> checks a timeline bundle offline, with no database. Both name the first
/// event or file that fails.
/// </summary>
public sealed class VerifyCommand : AsyncCommand<VerifyCommand.Settings>
{
    public sealed class Settings : DatabaseSettings
    {
        [CommandArgument(0, "[DIR]")]
        [Description("A timeline bundle folder to check offline.")]
        public string? Bundle { get; init; }

        [CommandOption("--case <CASE>")]
        [Description("A case to check in the database instead.")]
        public string? Case { get; init; }

        public override Spectre.Console.ValidationResult Validate() =>
            (Bundle is null) == (Case is null)
                ? Spectre.Console.ValidationResult.Error("Give either a bundle folder or --case, not both.")
                : Spectre.Console.ValidationResult.Success();
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken ct) =>
        settings.Bundle is { } folder ? VerifyBundle(folder) : await VerifyCaseAsync(settings, settings.Case!, ct);

    private static int VerifyBundle(string folder)
    {
        if (!Directory.Exists(folder))
        {
            Diagnostics.Error($"{folder}: no such folder");
            return ExitCodes.NoInput;
        }

        var verification = BundleVerifier.Verify(folder);
        if (verification.Unreadable is { } reason)
        {
            Diagnostics.Error($"{folder}: not a readable bundle: {reason}");
            return ExitCodes.DataError;
        }

        foreach (var failure in verification.Failures) Console.WriteLine(VisibleText.Of($"FAILED {failure}"));
        if (!verification.Holds) return ExitCodes.VerificationFailed;
        Console.WriteLine(VisibleText.Of($"OK {folder}: every file matches the manifest, the hash chain holds, and every file regenerates byte for byte."));
        return ExitCodes.Ok;
    }

    private static async Task<int> VerifyCaseAsync(DatabaseSettings settings, string @case, CancellationToken ct)
    {
        await using var store = await Database.OpenAsync(settings, ct);
        var history = new CaseHistory(store);
        var failure = await StoredChainCheck.RunAsync(history, @case, ct);
        if (failure is not null)
        {
            Console.WriteLine(VisibleText.Of($"FAILED case {@case}, {failure}"));
            return ExitCodes.VerificationFailed;
        }

        var count = 0;
        await foreach (var _ in history.ReadAsync(@case, ct: ct)) count++;
        if (count == 0)
        {
            Diagnostics.Error($"case {@case}: no events recorded");
            return ExitCodes.NoInput;
        }
        Console.WriteLine(VisibleText.Of($"OK case {@case}: the hash chain of its {count} events holds."));
        return ExitCodes.Ok;
    }
}
