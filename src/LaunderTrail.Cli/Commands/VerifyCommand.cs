using System.ComponentModel;
using LaunderTrail.Cases;
using LaunderTrail.Court;
using Spectre.Console.Cli;

namespace LaunderTrail.Cli.Commands;

/// <summary>
/// <c>laundertrail verify --case C [--head POS:HASH]</c> recomputes a case's hash chain from the database, and checks
/// it against a head pinned earlier; <c>laundertrail verify DIR</c> checks a timeline bundle offline, with no database.
/// Both name the first event or file that fails.
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

        [CommandOption("--head <POS:HASH>")]
        [Description("With --case: a chain head printed earlier by `laundertrail head`; the events up to POS must be unchanged and still there.")]
        public string? Head { get; init; }

        public override Spectre.Console.ValidationResult Validate()
        {
            if ((Bundle is null) == (Case is null))
                return Spectre.Console.ValidationResult.Error("Give either a bundle folder or --case, not both.");
            if (Head is not null && Case is null)
                return Spectre.Console.ValidationResult.Error("--head goes with --case (a bundle states its head in its manifest).");
            if (Head is not null && ChainHead.TryParse(Head) is null)
                return Spectre.Console.ValidationResult.Error(
                    "--head must be POS:HASH, the position of an event (from 1) and the 64 hex digits of its chain hash, as `laundertrail head` prints it.");
            return Spectre.Console.ValidationResult.Success();
        }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken ct) =>
        settings.Bundle is { } folder
            ? VerifyBundle(folder)
            : await VerifyCaseAsync(settings, settings.Case!, settings.Head is null ? null : ChainHead.TryParse(settings.Head), ct);

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

    private static async Task<int> VerifyCaseAsync(DatabaseSettings settings, string @case, ChainHead? pinned, CancellationToken ct)
    {
        await using var store = await Database.OpenAsync(settings, ct);
        var outcome = await StoredChainCheck.RunAsync(new CaseHistory(store), @case, pinned, ct);
        if (outcome.Failure is { } failure)
        {
            Console.WriteLine(VisibleText.Of($"FAILED case {@case}, {failure}"));
            return ExitCodes.VerificationFailed;
        }

        if (outcome.Head is not { } head)
        {
            Diagnostics.Error($"case {@case}: no events recorded");
            return ExitCodes.NoInput;
        }

        Console.WriteLine(VisibleText.Of(pinned is null
            ? $"OK case {@case}: the hash chain of its {head.Position} events holds."
            : $"OK case {@case}: the hash chain of its {head.Position} events holds, and the events up to the pinned head " +
              $"{pinned.Position} are unchanged; {After(head.Position - pinned.Position)}."));
        return ExitCodes.Ok;
    }

    private static string After(long count) => count switch
    {
        0 => "none was recorded after it",
        1 => "1 event was recorded after it",
        _ => $"{count} events were recorded after it",
    };
}
