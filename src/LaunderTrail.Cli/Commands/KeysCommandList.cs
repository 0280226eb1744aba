using LaunderTrail.Access;
using LaunderTrail.Court;
using Spectre.Console;
using Spectre.Console.Cli;

namespace LaunderTrail.Cli.Commands;

/// <summary><c>laundertrail keys list</c>: every key's name, role and dates; never a key itself, which is not stored.</summary>
public sealed class KeysCommandList : AsyncCommand<DatabaseSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, DatabaseSettings settings, CancellationToken ct)
    {
        await using var store = await Database.OpenAsync(settings, ct);
        var table = new Table().AddColumns("name", "role", "created", "revoked");
        foreach (var key in await new ApiKeys(store.Documents, TimeProvider.System).ListAsync(ct))
            table.AddRow(Markup.Escape(VisibleText.Of(key.Name)), ApiRoles.Name(key.Role), key.CreatedAt.ToString("u"), key.RevokedAt?.ToString("u") ?? "");
        AnsiConsole.Write(table);
        return ExitCodes.Ok;
    }
}
