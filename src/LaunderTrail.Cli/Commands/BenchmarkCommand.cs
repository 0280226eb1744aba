using System.ComponentModel;
using System.Diagnostics;
using LaunderTrail.Cli.Rendering;
using LaunderTrail.Cli.Soak;
using LaunderTrail.Flows;
using LaunderTrail.Generation;
using LaunderTrail.Generation.Statements;
using LaunderTrail.Import;
using LaunderTrail.Storage;
using LaunderTrail.Tracing;
using Npgsql;
using Spectre.Console;
using Spectre.Console.Cli;

namespace LaunderTrail.Cli.Commands;

/// <summary>
/// <c>laundertrail benchmark</c>: measures import, rebuild, report, the text view and replay on a generated case, next to a raw
/// PostgreSQL COPY of the same lines, in a schema of its own that it empties first. Prints the figures that
/// docs/benchmarks.md records.
/// </summary>
public sealed class BenchmarkCommand : AsyncCommand<BenchmarkCommand.Settings>
{
    private const string Case = "SQ-2019-515";

    public sealed class Settings : DatabaseSettings
    {
        [CommandOption("--events <COUNT>")]
        [Description("Size of the generated case.")]
        [DefaultValue(1_000_000)]
        public int Events { get; init; } = 1_000_000;

        [CommandOption("--imports <SIZES>")]
        [Description("Sizes of the whole-command imports to time against a binary COPY of the same rows, comma-separated; empty for none.")]
        [DefaultValue("300000,1000000")]
        public string Imports { get; init; } = "300000,1000000";

        [CommandOption("--statements")]
        [Description("With --imports: also import the same facts as the statements and bills their institutions would return " +
                     "(generate --statements), a process of its own, and compare its time with the JSON Lines import's.")]
        public bool Statements { get; init; }

        [CommandOption("--imports-only")]
        [Description("Measure only the whole-command imports, not the in-process import, rebuild, reports and replay.")]
        public bool ImportsOnly { get; init; }

        [CommandOption("--as-of <TIME>")]
        [Description("Moment for the replay measurement.")]
        [DefaultValue("2019-05-15T00:00:00+08:00")]
        public string AsOf { get; init; } = "2019-05-15T00:00:00+08:00";

        [CommandOption("--engine")]
        [Description("Measure the tracing engine alone, in memory, without a database: each rule with and without the flow graph.")]
        public bool Engine { get; init; }

        [CommandOption("--soak <MINUTES>")]
        [Description("Run three serve nodes on one database for this long under concurrent posts and reads, killing and restarting one every 30 s; prints requests served, errors and the longest stale period.")]
        public double? Soak { get; init; }

        [CommandOption("--rounds <COUNT>")]
        [Description("With --engine: how many times to trace under each rule and variant (the median is printed).")]
        [DefaultValue(3)]
        public int Rounds { get; init; } = 3;

        public override ValidationResult Validate() =>
            ImportSizes() is null ? ValidationResult.Error("--imports must be whole numbers above 0, comma-separated")
            : Statements && ImportSizes()!.Count == 0 ? ValidationResult.Error("--statements needs the sizes of --imports")
            : TimeOption.Check(AsOf, "--as-of");

        public IReadOnlyList<int>? ImportSizes()
        {
            var sizes = new List<int>();
            foreach (var part in Imports.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (!int.TryParse(part, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var size) || size <= 0)
                    return null;
                sizes.Add(size);
            }
            return sizes;
        }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken ct)
    {
        if (settings.Engine) return MeasureEngine(settings);
        if (settings.Soak is { } minutes) return await SoakAsync(settings, TimeSpan.FromMinutes(minutes), ct);
        foreach (var importSize in settings.ImportSizes()!)
            Print(await WholeImportAsync(settings, importSize, ct));
        if (settings.ImportsOnly) return ExitCodes.Ok;

        var benchmarkSettings = new Settings { Db = settings.Db, Schema = "laundertrail_benchmark", Events = settings.Events };
        var file = Path.Combine(Path.GetTempPath(), $"laundertrail-benchmark-{settings.Events}.jsonl");
        await using (var output = File.Create(file))
            CaseEventJsonLines.Write(ReferenceCaseGenerator.Generate(new GenerationOptions(515, settings.Events, Case)), output);
        var size = new FileInfo(file).Length;
        var results = new List<(string Measure, string Figure)>
        {
            ("events", $"{settings.Events:N0} ({size / 1_048_576.0:N0} MiB of JSON Lines)"),
        };

        try
        {
            DatabaseLogins logins;
            await using (var store = await Database.OpenAsync(benchmarkSettings, ct))
                logins = store.Logins;
            // The benchmark drops its schema and makes tables of its own, which only the owner login may.
            var owner = DatabaseLogins.OneRole(logins.Owner);
            await EmptyAsync(owner, benchmarkSettings.Schema, ct);
            await using var reopened = await CaseStore.OpenAsync(owner, benchmarkSettings.Schema, ct);

            var copyRate = await RawCopyRowsPerSecondAsync(reopened, file, ct);
            results.Add(("raw PostgreSQL COPY of the same lines (jsonb)", $"{copyRate:N0} rows/s"));

            var clock = Stopwatch.StartNew();
            var outcome = await new EvidenceImporter(reopened, TimeProvider.System).ImportAsync(new JsonLinesFile(file), "benchmark", ct: ct);
            var importSeconds = clock.Elapsed.TotalSeconds;
            if (!outcome.Accepted) throw new InvalidOperationException(string.Join("\n", outcome.Errors.Take(5)));
            results.Add(("import (each line parsed once; binary COPY with digests and hash chain)", $"{settings.Events / importSeconds:N0} events/s ({importSeconds:N1} s)"));
            results.Add(("peak working set after import", $"{Process.GetCurrentProcess().PeakWorkingSet64 / 1_048_576:N0} MiB"));
            var eventCopy = await EventTableCopyAsync(reopened, postmaster: null, ct);
            results.Add(("raw PostgreSQL COPY of the imported rows into a copy of the event table (indexes, foreign key)",
                $"{eventCopy.RowsPerSecond:N0} rows/s"));

            await AnalyzeAsync(reopened, ct);
            clock.Restart();
            var rebuilt = (await new FlowProjector(reopened).RebuildAsync(ct: ct)).Facts;
            results.Add(("rebuild of every read model (three rules, each report and flow graph)", $"{rebuilt / clock.Elapsed.TotalSeconds:N0} events/s ({clock.Elapsed.TotalSeconds:N1} s)"));

            var queries = new FlowQueries(reopened);
            results.Add(("flow report (JSON, pro-rata) from the read model, read to the end: first read, median of 5",
                await ReadFiveTimesAsync(() => queries.OpenReportJsonAsync(Case, TracingRule.ProRata, ct: ct), ct)));
            foreach (var rule in Enum.GetValues<TracingRule>())
            {
                results.Add(($"flow graph (JSON, {TracingRules.Name(rule)}) from the read model, read to the end: first read, median of 5",
                    await ReadFiveTimesAsync(() => queries.OpenGraphJsonAsync(Case, rule, ct: ct), ct)));
            }

            var views = new List<double>();
            var lines = 0;
            for (var view = 0; view < 3; view++)
            {
                clock.Restart();
                var text = new StringWriter { NewLine = "\n" };
                FlowReportView.Write(PlainConsole(text), (await queries.ReportAsync(Case, TracingRule.ProRata, ct: ct))!,
                    new VictimSelection.Largest(VictimSelection.DefaultLargest));
                views.Add(clock.Elapsed.TotalMilliseconds);
                lines = text.ToString().Count(c => c == '\n');
            }

            results.Add(($"flows as text (pro-rata: totals, merchants, {VictimSelection.DefaultLargest} largest losses) from the read model: first, median of 3",
                $"{views[0]:N0} ms, {views.Order().ElementAt(1):N0} ms ({lines:N0} lines)"));

            clock.Restart();
            await queries.ReportAsync(Case, TracingRule.Fifo, TimeOption.Parse(settings.AsOf), ct: ct);
            results.Add(($"--as-of {settings.AsOf} replay", $"{clock.Elapsed.TotalMilliseconds:N0} ms"));
            results.Add(("peak working set", $"{Process.GetCurrentProcess().PeakWorkingSet64 / 1_048_576:N0} MiB"));
            await EmptyAsync(owner, reopened.Schema, ct);
        }
        finally
        {
            File.Delete(file);
        }

        Print(results);
        return ExitCodes.Ok;
    }

    private static void Print(IEnumerable<(string Measure, string Figure)> results)
    {
        var table = new Table().Border(TableBorder.Markdown).AddColumn("measure").AddColumn(new TableColumn("figure").RightAligned());
        foreach (var (measure, figure) in results) table.AddRow(Markup.Escape(measure), Markup.Escape(figure));
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLineInterpolated(
            $"{Environment.ProcessorCount} cores, {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 1_073_741_824.0:N0} GiB, .NET {Environment.Version}, load average {LoadAverage()}");
    }

    /// <summary>
    /// The engine's share of a rebuild: each rule traced in memory, with and without the flow graph, the median of
    /// <see cref="Settings.Rounds"/> traces each, so that the graph's cost is seen apart from the store's.
    /// </summary>
    private static int MeasureEngine(Settings settings)
    {
        var runs = TracingBenchmark.Measure(Case, ReferenceCaseGenerator.Generate(new GenerationOptions(515, settings.Events, Case)), settings.Rounds);
        var table = new Table().Border(TableBorder.Markdown).AddColumn("trace (in memory)")
            .AddColumn(new TableColumn("median").RightAligned()).AddColumn(new TableColumn("all runs").RightAligned())
            .AddColumn(new TableColumn("allocated").RightAligned());
        foreach (var variant in runs.GroupBy(run => (run.Rule, run.WithGraph)))
        {
            var times = variant.Select(run => run.Elapsed.TotalMilliseconds).Order().ToList();
            table.AddRow(
                $"{settings.Events:N0} facts, {TracingRules.Name(variant.Key.Rule)}{(variant.Key.WithGraph ? " with the flow graph" : "")}",
                $"{times[times.Count / 2]:N0} ms",
                string.Join(", ", variant.Select(run => $"{run.Elapsed.TotalMilliseconds:N0}")),
                $"{variant.First().AllocatedBytes / 1_048_576:N0} MiB");
        }
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLineInterpolated(
            $"{Environment.ProcessorCount} cores, {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 1_073_741_824.0:N0} GiB, .NET {Environment.Version}, load average {LoadAverage()}");
        return ExitCodes.Ok;
    }

    /// <summary>Opens a stored form and reads it to its end five times: the first read and the median, with its size.</summary>
    private static async Task<string> ReadFiveTimesAsync(Func<Task<Stream?>> open, CancellationToken ct)
    {
        var reads = new List<double>();
        var buffer = new byte[1 << 16];
        long bytes = 0;
        for (var read = 0; read < 5; read++)
        {
            var clock = Stopwatch.StartNew();
            await using var stream = (await open())!;
            bytes = 0;
            for (int n; (n = await stream.ReadAsync(buffer, ct)) > 0;) bytes += n;
            reads.Add(clock.Elapsed.TotalMilliseconds);
        }
        return $"{reads[0]:N0} ms, {reads.Order().ElementAt(2):N0} ms ({bytes / 1_048_576.0:N0} MiB)";
    }

    /// <summary>The machine's load when the figures were taken: on a shared machine they mean little without it.</summary>
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    /// <summary>
    /// <c>laundertrail import</c> of a generated case of <paramref name="size"/> facts, run as a user runs it (a process of
    /// its own, start-up included) into an empty schema, against the ceiling: a binary COPY of the very rows it wrote
    /// into a copy of the event table with the same indexes and foreign key. Also the checking pass alone, in this
    /// process, for where the time goes.
    /// </summary>
    private static async Task<List<(string Measure, string Figure)>> WholeImportAsync(Settings settings, int size, CancellationToken ct)
    {
        var schema = "laundertrail_import_benchmark";
        var file = Path.Combine(Path.GetTempPath(), $"laundertrail-benchmark-import-{size}.jsonl");
        await using (var output = File.Create(file))
            CaseEventJsonLines.Write(ReferenceCaseGenerator.Generate(new GenerationOptions(515, size, Case)), output);
        var results = new List<(string Measure, string Figure)>
        {
            ($"import of {size:N0} facts", $"{new FileInfo(file).Length / 1_048_576.0:N0} MiB of JSON Lines"),
        };
        try
        {
            var benchmarkSettings = new Settings { Db = settings.Db, Schema = schema };
            DatabaseLogins logins;
            await using (var store = await Database.OpenAsync(benchmarkSettings, ct))
                logins = store.Logins;
            var owner = DatabaseLogins.OneRole(logins.Owner);
            await EmptyAsync(owner, schema, ct);
            // The schema exists when a user imports: made here, so the command's time is the import's.
            await using var store2 = await CaseStore.OpenAsync(owner, schema, ct);

            var postmaster = await ProcessorTime.PostmasterOfAsync(store2.Db, ct);
            var (clientBefore, serverBefore) = (ProcessorTime.OfEndedChildren(), ServerCpu(postmaster));
            var child = await RunImportCommandAsync(settings.Db, schema, [file], ct);
            if (child.ExitCode != 0) throw new InvalidOperationException($"laundertrail import failed ({child.ExitCode}):\n{child.Output}");
            var (clientCpu, serverCpu) = (ProcessorTime.OfEndedChildren() - clientBefore, ServerCpu(postmaster) - serverBefore);
            var importRate = size / child.Seconds;
            results.Add(("laundertrail import, a process of its own (start-up, schema check, check and write, commit)",
                $"{importRate:N0} facts/s ({child.Seconds:N1} s)"));
            results.Add(("  its own account", child.Output.Split('\n').FirstOrDefault(l => l.StartsWith("Checked in", StringComparison.Ordinal))?.Trim() ?? "?"));
            results.Add(("  its peak working set", $"{child.PeakWorkingSet / 1_048_576:N0} MiB"));
            results.Add(("  CPU time: the import process's, the server's while it ran", $"{Seconds(clientCpu)}, {Seconds(serverCpu)}"));

            var copy = await EventTableCopyAsync(store2, postmaster, ct);
            results.Add(("binary COPY of the rows it wrote into a copy of the event table (indexes, foreign key)",
                $"{copy.RowsPerSecond:N0} rows/s ({copy.Seconds:N1} s; the server's CPU time {Seconds(copy.ServerCpu)})"));
            results.Add(("ratio import ÷ COPY (goal ≥ 0.8)", $"{importRate / copy.RowsPerSecond:N2}"));
            // However well the import overlapped its work with the server's, it cannot end before the cores have done both.
            if (clientCpu + serverCpu is { } cpu)
                results.Add(($"  the most these CPU times allow on {Environment.ProcessorCount} cores (import ≥ its CPU and the server's ÷ cores)",
                    $"{copy.Seconds / (cpu / Environment.ProcessorCount):N2}"));

            var clock = Stopwatch.StartNew();
            var checkedLines = await CheckOnlyAsync(file, ct);
            results.Add(("the checking pass alone, in process (read, parse, validate, canonical form, digests)",
                $"{checkedLines / clock.Elapsed.TotalSeconds:N0} facts/s ({clock.Elapsed.TotalSeconds:N1} s)"));
            await EmptyAsync(owner, schema, ct);

            if (settings.Statements) results.AddRange(await StatementImportAsync(settings.Db, owner, schema, size, child, ct));
        }
        finally
        {
            File.Delete(file);
        }

        return results;
    }

    /// <summary>
    /// The same generated case as a folder of statements (each institution's layout and encoding, the other facts as
    /// JSON Lines), imported by <c>laundertrail import FOLDER --case</c> in a process of its own into an empty schema,
    /// against the JSON Lines import of the same facts (<paramref name="jsonLines"/>); the facts it recorded are counted,
    /// so that a statement import which matched transfers twice or lost some cannot pass for a fast one.
    /// </summary>
    private static async Task<List<(string Measure, string Figure)>> StatementImportAsync(string? db, DatabaseLogins owner,
        string schema, int size, ChildRun jsonLines, CancellationToken ct)
    {
        var folder = Directory.CreateTempSubdirectory("laundertrail-benchmark-statements-");
        try
        {
            var files = StatementFolder.Files(ReferenceCaseGenerator.Generate(new GenerationOptions(515, size, Case)));
            foreach (var statementFile in files) await File.WriteAllBytesAsync(Path.Combine(folder.FullName, statementFile.Name), statementFile.Bytes, ct);
            var bytes = files.Sum(f => (long)f.Bytes.Length);
            await using var store = await CaseStore.OpenAsync(owner, schema, ct);

            var child = await RunImportCommandAsync(db, schema, [folder.FullName, "--case", Case], ct);
            if (child.ExitCode != 0) throw new InvalidOperationException($"laundertrail import of statements failed ({child.ExitCode}):\n{child.Output}");
            // The statements' own records (one per statement, one per matched pair of rows) come beside the facts.
            await using var count = store.Db.CreateCommand(
                $"select count(*) from {schema}.mt_events where stream_id = '{Case}' and type not in ('statement_imported', 'statement_row_matched')");
            var recorded = (long)(await count.ExecuteScalarAsync(ct))!;
            if (recorded != size) throw new InvalidOperationException($"the statement import recorded {recorded:N0} facts, not {size:N0}");
            await EmptyAsync(owner, schema, ct);
            return
            [
                ($"the same {size:N0} facts as statements and bills", $"{bytes / 1_048_576.0:N0} MiB in {Directory.GetFiles(folder.FullName).Length:N0} files"),
                ("laundertrail import of the statement folder, a process of its own (read, match, reconcile, check and write)",
                    $"{size / child.Seconds:N0} facts/s ({child.Seconds:N1} s)"),
                ("  its peak working set", $"{child.PeakWorkingSet / 1_048_576:N0} MiB"),
                ("ratio statement import ÷ JSON Lines import, time (goal ≤ 2)", $"{child.Seconds / jsonLines.Seconds:N2}"),
            ];
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private sealed record ChildRun(int ExitCode, double Seconds, long PeakWorkingSet, string Output);

    /// <param name="ServerCpu">The server's CPU seconds during the COPY, when the server runs on this machine.</param>
    private sealed record CopyRun(double RowsPerSecond, double Seconds, double? ServerCpu);

    private static double? ServerCpu(int? postmaster) => postmaster is { } pid ? ProcessorTime.OfServer(pid) : null;

    private static string Seconds(double? cpu) => cpu is { } seconds ? $"{seconds:N1} s" : "not measurable here";

    /// <summary>Runs this very build's <c>laundertrail import</c> in a child process and watches its working set.</summary>
    private static async Task<ChildRun> RunImportCommandAsync(string? db, string schema, IReadOnlyList<string> input, CancellationToken ct)
    {
        var self = Environment.ProcessPath!;
        var start = new ProcessStartInfo(self) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        // Run through `dotnet laundertrail.dll` or as the `laundertrail` executable, whichever this process is.
        if (Path.GetFileNameWithoutExtension(self) == "dotnet") start.ArgumentList.Add(typeof(LaunderTrailApp).Assembly.Location);
        foreach (var arg in new[] { "import" }.Concat(input).Concat(["--schema", schema, "--recorded-by", "benchmark", "--no-trace"])) start.ArgumentList.Add(arg);
        if (db is not null)
        {
            start.ArgumentList.Add("--db");
            start.ArgumentList.Add(db);
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(ct);
        var errors = process.StandardError.ReadToEndAsync(ct);
        long peak = 0;
        while (!process.HasExited)
        {
            try
            {
                process.Refresh();
                peak = Math.Max(peak, process.PeakWorkingSet64);
            }
            catch (InvalidOperationException)
            {
                // It exited between the check and the read.
            }

            await Task.WhenAny(process.WaitForExitAsync(ct), Task.Delay(100, ct));
        }

        await process.WaitForExitAsync(ct);
        var seconds = clock.Elapsed.TotalSeconds;
        return new ChildRun(process.ExitCode, seconds, peak, await output + await errors);
    }

    /// <summary>The checking pass on its own: every line read, parsed, validated, made canonical and hashed; nothing written.</summary>
    private static async Task<long> CheckOnlyAsync(string file, CancellationToken ct) =>
        (await EvidenceImporter.CheckAsync(new JsonLinesFile(file), ct)).Summary.Lines;

    /// <summary>A console that writes plain text of the report width into <paramref name="output"/>, as when piped.</summary>
    private static IAnsiConsole PlainConsole(TextWriter output)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        console.Profile.Width = LaunderTrailApp.ReportWidth;
        return console;
    }

    /// <summary>The soak run (<see cref="SoakRun"/>) in a schema of its own, emptied first.</summary>
    private static async Task<int> SoakAsync(Settings settings, TimeSpan duration, CancellationToken ct)
    {
        const string schema = "laundertrail_soak";
        DatabaseLogins logins;
        await using (var opened = await Database.OpenAsync(new Settings { Db = settings.Db, Schema = schema }, ct))
            logins = opened.Logins;
        var owner = DatabaseLogins.OneRole(logins.Owner);
        await EmptyAsync(owner, schema, ct);
        await using var store = await CaseStore.OpenAsync(owner, schema, ct);
        var outcome = await new SoakRun(store, logins.Owner, duration).RunAsync(ct);
        Print(outcome.Figures);
        return outcome.Consistent ? ExitCodes.Ok : ExitCodes.VerificationFailed;
    }

    private static async Task EmptyAsync(DatabaseLogins owner, string schema, CancellationToken ct)
    {
        await using var db = NpgsqlDataSource.Create(owner.Owner);
        await using var command = db.CreateCommand($"drop schema if exists {schema} cascade");
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>The floor: the same lines into a bare jsonb table with PostgreSQL's text COPY.</summary>
    private static async Task<double> RawCopyRowsPerSecondAsync(CaseStore store, string file, CancellationToken ct)
    {
        await using var connection = await store.Db.OpenConnectionAsync(ct);
        await using (var create = new NpgsqlCommand("create temporary table raw_lines (data jsonb)", connection))
            await create.ExecuteNonQueryAsync(ct);
        var clock = Stopwatch.StartNew();
        long rows = 0;
        await using (var writer = await connection.BeginTextImportAsync("copy raw_lines (data) from stdin", ct))
        {
            foreach (var line in File.ReadLines(file))
            {
                await writer.WriteLineAsync(line.Replace("\\", "\\\\"));
                rows++;
            }
        }

        return rows / clock.Elapsed.TotalSeconds;
    }

    /// <summary>
    /// The ceiling of any import into Marten's event table: the rows just imported, exported with binary COPY and
    /// copied back into a table of the same shape (its indexes and the foreign key to the streams).
    /// </summary>
    private static async Task<CopyRun> EventTableCopyAsync(CaseStore store, int? postmaster, CancellationToken ct)
    {
        var rows = Path.Combine(Path.GetTempPath(), $"laundertrail-benchmark-{Guid.NewGuid():N}.copy");
        try
        {
            // No command timeout: on a busy machine a COPY of a million rows takes longer than Npgsql's 30 s.
            await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(store.ConnectionString) { CommandTimeout = 0 }.ConnectionString);
            await connection.OpenAsync(ct);
            await using (var create = new NpgsqlCommand(
                $"create table {store.Schema}.event_copy (like {store.Schema}.mt_events including all); " +
                $"alter table {store.Schema}.event_copy add foreign key (stream_id) references {store.Schema}.mt_streams (id)", connection))
                await create.ExecuteNonQueryAsync(ct);
            await using (var file = File.Create(rows))
            await using (var export = await connection.BeginRawBinaryCopyAsync($"copy {store.Schema}.mt_events to stdout (format binary)", ct))
                await export.CopyToAsync(file, ct);

            var serverBefore = ServerCpu(postmaster);
            var clock = Stopwatch.StartNew();
            await using (var file = File.OpenRead(rows))
            await using (var import = await connection.BeginRawBinaryCopyAsync($"copy {store.Schema}.event_copy from stdin (format binary)", ct))
                await file.CopyToAsync(import, ct);
            var seconds = clock.Elapsed.TotalSeconds;
            var serverCpu = ServerCpu(postmaster) - serverBefore;
            await using var count = new NpgsqlCommand(
                $"select count(*) from {store.Schema}.event_copy; drop table {store.Schema}.event_copy", connection);
            return new CopyRun((long)(await count.ExecuteScalarAsync(ct))! / seconds, seconds, serverCpu);
        }
        finally
        {
            File.Delete(rows);
        }
    }

    private static async Task AnalyzeAsync(CaseStore store, CancellationToken ct)
    {
        foreach (var table in new[] { "mt_events", "mt_streams" })
        {
            await using var command = store.Db.CreateCommand($"vacuum analyze {store.Schema}.{table}");
            await command.ExecuteNonQueryAsync(ct);
        }
    }
}
