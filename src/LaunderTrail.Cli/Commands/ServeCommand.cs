using System.ComponentModel;
using LaunderTrail.Api;
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
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken ct)
    {
        await using var store = await Database.OpenAsync(settings, ct);
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls(settings.Urls);
        ApiHost.Configure(builder, store);
        await using var app = builder.Build();
        ApiHost.Map(app);
        Diagnostics.Note($"LaunderTrail API on {settings.Urls} (reference: /docs); Ctrl+C stops it.");
        await app.RunAsync();
        return ExitCodes.Ok;
    }
}
