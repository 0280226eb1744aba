using System.ComponentModel;
using LaunderTrail.Access;
using Spectre.Console;
using Spectre.Console.Cli;

namespace LaunderTrail.Cli.Commands;

/// <summary><c>laundertrail keys revoke --name N</c>: the key stops working at once; it stays listed as revoked.</summary>
public sealed class KeysCommandRevoke : AsyncCommand<KeysCommandRevoke.Settings>
{
    public sealed class Settings : DatabaseSettings
    {
        [CommandOption("--name <NAME>")]
        [Description("The name the key was added with.")]
        public required string Name { get; init; }

        public override ValidationResult Validate() =>
            string.IsNullOrWhiteSpace(Name) ? ValidationResult.Error("--name is required") : ValidationResult.Success();
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken ct)
    {
        await using var store = await Database.OpenAsync(settings, ct);
        if (!await new ApiKeys(store.Documents, TimeProvider.System).RevokeAsync(settings.Name, ct))
        {
            Diagnostics.Error($"no active key is named '{settings.Name}'");
            return ExitCodes.DataError;
        }

        Diagnostics.Note($"Key '{settings.Name}' revoked.");
        return ExitCodes.Ok;
    }
}
