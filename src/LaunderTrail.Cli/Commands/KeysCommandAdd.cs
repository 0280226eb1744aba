using System.ComponentModel;
using LaunderTrail.Access;
using Spectre.Console;
using Spectre.Console.Cli;

namespace LaunderTrail.Cli.Commands;

/// <summary>
/// <c>laundertrail keys add --name N --role R</c>: issues an API key and prints it once, alone on standard output,
/// so a script can capture it; only its hash is stored.
/// </summary>
public sealed class KeysCommandAdd : AsyncCommand<KeysCommandAdd.Settings>
{
    public sealed class Settings : DatabaseSettings
    {
        [CommandOption("--name <NAME>")]
        [Description("Who holds the key; the access log names it.")]
        public required string Name { get; init; }

        [CommandOption("--role <ROLE>")]
        [Description("investigator (record and read), auditor (read) or court (timeline bundles).")]
        public required string Role { get; init; }

        public override ValidationResult Validate()
        {
            if (string.IsNullOrWhiteSpace(Name)) return ValidationResult.Error("--name is required");
            return ApiRoles.TryParse(Role, out _)
                ? ValidationResult.Success()
                : ValidationResult.Error("--role must be investigator, auditor or court");
        }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken ct)
    {
        ApiRoles.TryParse(settings.Role, out var role);
        await using var store = await Database.OpenAsync(settings, ct);
        var secret = await new ApiKeys(store.Documents, TimeProvider.System).AddAsync(settings.Name, role, ct);
        if (secret is null)
        {
            Diagnostics.Error($"an active key is already named '{settings.Name}'; revoke it first or choose another name");
            return ExitCodes.DataError;
        }

        Console.Out.WriteLine(secret);
        Diagnostics.Note($"Key '{settings.Name}' ({settings.Role}) added. It is shown only this once.");
        return ExitCodes.Ok;
    }
}
