using LaunderTrail.Cli.Commands;
using LaunderTrail.Court;
using Spectre.Console;
using Spectre.Console.Cli;

namespace LaunderTrail.Cli;

/// <summary>The <c>laundertrail</c> command line: one command per file in Commands/.</summary>
public static class LaunderTrailApp
{
    public const int ReportWidth = 132;

    public static Task<int> RunAsync(string[] args)
    {
        // Tables wrap at the terminal's width; written to a file or a pipe they get a width that keeps rows whole.
        if (Console.IsOutputRedirected) AnsiConsole.Profile.Width = ReportWidth;
        var app = new CommandApp();
        app.Configure(config =>
        {
            config.SetApplicationName("laundertrail");
            config.SetExceptionHandler(Refuse);
            config.SetApplicationVersion(typeof(LaunderTrailApp).Assembly.GetName().Version?.ToString(3) ?? "0.0.0");
            config.AddCommand<DemoCommand>("demo")
                .WithDescription("Import the 5·15 reference case and show its flows, Ms Zheng's trail first. No set-up needed.");
            config.AddCommand<ImportCommand>("import")
                .WithDescription("Record the facts of JSON Lines evidence files and bank or payment statements (csv, xlsx, xls), all or nothing.")
                .WithExample("import", "samples/case-515/case-515.jsonl")
                .WithExample("import", "zheng-bank.csv", "alipay-bill.csv", "--case", "SQ-2019-515", "--aliases", "aliases.csv");
            config.AddCommand<StatementsCommand>("statements")
                .WithDescription("List a case's imported statements: period, rows used and skipped, whether the balances reconcile.")
                .WithExample("statements", "--case", "SQ-2019-515");
            config.AddCommand<FlowsCommand>("flows")
                .WithDescription("Show where the victims' money went: totals, card merchants, the largest losses' trails (--all, --victim).")
                .WithExample("flows", "--case", "SQ-2019-515", "--rule", "fifo", "--as-of", "2019-05-15T00:00:00+08:00")
                .WithExample("flows", "--case", "SQ-2019-515", "--victim", "acc-zheng-bank")
                .WithExample("flows", "--case", "SQ-2019-515", "--json");
            config.AddCommand<PathCommand>("path").WithDescription("Show the routes, hop by hop, by which a victim's money (or an account's) reached an account.");
            config.AddCommand<ExportCommand>("export")
                .WithDescription("Write the flow graph for an analyst's tool: graphml, gexf (Gephi), i2 (CSV) or neo4j (import folder).")
                .WithExample("export", "--case", "SQ-2019-515", "--format", "gexf", "--out", "case-515.gexf");
            config.AddCommand<GenerateCommand>("generate")
                .WithDescription("Write the 5·15 reference case (or a larger one for benchmarks) as JSON Lines.")
                .WithExample("generate", "--seed", "515", "--out", "samples/case-515/case-515.jsonl")
                .WithExample("generate", "--events", "1000000", "--out", "big.jsonl");
            config.AddCommand<BenchmarkCommand>("benchmark")
                .WithDescription("Measure import, rebuild, report, the text view and replay on a generated case (own schema, emptied first).");
            config.AddCommand<RebuildCommand>("rebuild")
                .WithDescription("Rebuild every read model (flow reports, merchant totals) from the recorded events.");
            config.AddCommand<TimelineCommand>("timeline")
                .WithDescription("Write a case's court bundle: timeline (md, html, json), events.jsonl and a manifest of hashes.")
                .WithExample("timeline", "--case", "SQ-2019-515", "--out", "bundle");
            config.AddCommand<VerifyCommand>("verify")
                .WithDescription("Check a bundle folder offline, or a case's hash chain in the database (--case).")
                .WithExample("verify", "bundle")
                .WithExample("verify", "--case", "SQ-2019-515", "--head", "8342:<64 hex digits>");
            config.AddCommand<HeadCommand>("head")
                .WithDescription("Print a case's chain head (POS:HASH) after checking its chain, to keep outside LaunderTrail and check later with verify --head.")
                .WithExample("head", "--case", "SQ-2019-515");
            config.AddCommand<StatusCommand>("status")
                .WithDescription("Print which recorded fact a case's read models reflect: { \"recorded\": N, \"traced\": M }.")
                .WithExample("status", "--case", "SQ-2019-515", "--wait", "60");
            config.AddCommand<ServeCommand>("serve")
                .WithDescription("Serve the HTTP API (roles by API key, every case access logged) on 127.0.0.1:5080.");
            config.AddBranch("keys", keys =>
            {
                keys.SetDescription("Manage API keys: add (printed once), list, revoke.");
                keys.AddCommand<KeysCommandAdd>("add").WithExample("keys", "add", "--name", "ines", "--role", "investigator");
                keys.AddCommand<KeysCommandList>("list");
                keys.AddCommand<KeysCommandRevoke>("revoke");
            });
            config.AddCommand<AccessLogCommand>("access-log")
                .WithDescription("Show who read or wrote a case through the API (--case), or was shown several cases' figures (--lists); check the log's hash chain.");
        });
        return app.RunAsync(args);
    }

    /// <summary>
    /// A read that met altered events says which one, on standard error, and exits 1 like <c>verify</c>; anything else
    /// is shown as Spectre.Console.Cli shows it by default.
    /// </summary>
    private static int Refuse(Exception exception, ITypeResolver? _)
    {
        switch (exception)
        {
            case TamperedCaseException tampered:
                Diagnostics.Error($"REFUSED {tampered.Message}. `laundertrail verify --case {tampered.Case}` checks the whole case.");
                return ExitCodes.VerificationFailed;
            case CommandAppException { Pretty: { } pretty }:
                AnsiConsole.Write(pretty);
                return -1;
            default:
                AnsiConsole.WriteException(exception, ExceptionFormats.ShortenEverything);
                return -1;
        }
    }
}
