using LaunderTrail.Cli.Commands;
using Spectre.Console.Cli;

namespace LaunderTrail.Cli;

/// <summary>The <c>laundertrail</c> command line: one command per file in Commands/.</summary>
public static class LaunderTrailApp
{
    public static Task<int> RunAsync(string[] args)
    {
        var app = new CommandApp();
        app.Configure(config =>
        {
            config.SetApplicationName("laundertrail");
            config.SetApplicationVersion(typeof(LaunderTrailApp).Assembly.GetName().Version?.ToString(3) ?? "0.0.0");
            config.AddCommand<ImportCommand>("import")
                .WithDescription("Record the facts of a JSON Lines evidence file, whole or not at all.")
                .WithExample("import", "samples/case-515/case-515.jsonl");
            config.AddCommand<TimelineCommand>("timeline")
                .WithDescription("Write a case's court bundle: timeline (md, html, json), events.jsonl and a manifest of hashes.")
                .WithExample("timeline", "--case", "SQ-2019-515", "--out", "bundle");
            config.AddCommand<VerifyCommand>("verify")
                .WithDescription("Check a bundle folder offline, or a case's hash chain in the database (--case).")
                .WithExample("verify", "bundle");
        });
        return app.RunAsync(args);
    }
}
