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
            config.AddCommand<FlowsCommand>("flows")
                .WithDescription("Show where each victim's money went: totals, card merchants, trails.")
                .WithExample("flows", "--case", "SQ-2019-515", "--rule", "fifo", "--as-of", "2019-05-15T00:00:00+08:00")
                .WithExample("flows", "--case", "SQ-2019-515", "--json");
            config.AddCommand<RebuildCommand>("rebuild")
                .WithDescription("Rebuild every read model (flow reports, merchant totals) from the recorded events.");
        });
        return app.RunAsync(args);
    }
}
