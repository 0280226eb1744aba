using System.ComponentModel;
using LaunderTrail.Api;
using LaunderTrail.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Spectre.Console.Cli;

namespace LaunderTrail.Cli.Commands;

/// <summary><c>laundertrail serve</c>: the HTTP API over the same database as the other commands, on loopback unless told otherwise.</summary>
public sealed class ServeCommand : AsyncCommand<ServeCommand.Settings>
{
    public sealed class Settings : DatabaseSettings
    {
        [CommandOption("--urls <URLS>")]
        [Description("Where to listen, ';'-separated. The default answers this machine only.")]
        [DefaultValue("http://127.0.0.1:5080")]
        public string Urls { get; init; } = "http://127.0.0.1:5080";

        [CommandOption("--web-root <DIR>")]
        [Description("Built browser view to serve (src/LaunderTrail.Web/dist). Default: $LAUNDERTRAIL_WEB_ROOT, else the checkout's build if present.")]
        public string? WebRoot { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken ct)
    {
        var logins = await Database.LoginsAsync(settings, ct);
        await CaseStore.MigrateAsync(logins, settings.Schema, ct);
        await ApiHost.MigrateMessageStorageAsync(logins, settings.Schema, ct);
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls(settings.Urls);
        ApiHost.Configure(builder, logins, settings.Schema);
        await using var app = builder.Build();
        var webRoot = settings.WebRoot ?? WebView.FindRoot();
        ApiHost.Map(app, webRoot);
        Diagnostics.Note(webRoot is null
            ? $"LaunderTrail API on {settings.Urls} (reference: /docs; no browser view built: bash src/LaunderTrail.Web/build.sh); Ctrl+C stops it."
            : $"LaunderTrail on {settings.Urls}: the case view at /, the API reference at /docs; Ctrl+C stops it.");
        await app.RunAsync();
        return ExitCodes.Ok;
    }
}
