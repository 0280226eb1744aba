using LaunderTrail.Tests.Support;

namespace LaunderTrail.Tests.Court;

/// <summary>The same recorded events give byte-identical bundles on machines set up differently.</summary>
public sealed class ReproducibleBundleTests(PostgresServer server) : StoreFixture(server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<string> TimelineAsync(TempFolders folders, string timeZone, string locale, params string[] options)
    {
        var folder = folders.Create();
        var result = await LaunderTrailProcess.RunAsync(
            new Dictionary<string, string>
            {
                ["TZ"] = timeZone, ["LANG"] = locale, ["LC_ALL"] = locale, ["LAUNDERTRAIL_DB"] = Server.ConnectionString,
            },
            ["timeline", "--schema", Schema, "--case", MixedCase.Case, "--out", folder, .. options]);
        Assert.True(result.ExitCode == 0, result.Errors);
        return folder;
    }

    private static void AssertSameFiles(string expectedFolder, string actualFolder)
    {
        var names = Directory.GetFiles(expectedFolder).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["events.jsonl", "manifest.json", "timeline.html", "timeline.json", "timeline.md"], names);
        Assert.Equal(names, Directory.GetFiles(actualFolder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        foreach (var name in names)
            Assert.True(File.ReadAllBytes(Path.Combine(expectedFolder, name!)).AsSpan()
                .SequenceEqual(File.ReadAllBytes(Path.Combine(actualFolder, name!))), $"{name} differs");
    }

    [Fact]
    public async Task Two_runs_in_different_time_zones_and_cultures_write_byte_identical_bundles_that_verify()
    {
        using var folders = new TempFolders();
        await MixedCase.ImportAsync(Store, Ct);
        string[] options = ["--as-of", "2019-05-03T10:45:00+08:00"];

        var inUtc = await TimelineAsync(folders, "UTC", "en_US.UTF-8", options);
        var inShanghai = await TimelineAsync(folders, "Asia/Shanghai", "zh_CN.UTF-8", options);

        AssertSameFiles(inUtc, inShanghai);
        var verify = await LaunderTrailProcess.RunAsync(new Dictionary<string, string> { ["LAUNDERTRAIL_DB"] = "" }, "verify", inShanghai);
        Assert.True(verify.ExitCode == 0, verify.Output + verify.Errors);
        Assert.StartsWith("OK ", verify.Output);
    }

    [Theory]
    [InlineData("fifo")]
    [InlineData("pro-rata")]
    [InlineData("libr")]
    public async Task A_bundle_under_each_rule_is_written_byte_for_byte_again_names_its_rule_and_verifies(string rule)
    {
        using var folders = new TempFolders();
        await MixedCase.ImportAsync(Store, Ct);

        var first = await TimelineAsync(folders, "UTC", "en_US.UTF-8", "--rule", rule);
        var again = await TimelineAsync(folders, "Asia/Shanghai", "zh_CN.UTF-8", "--rule", rule);

        AssertSameFiles(first, again);
        Assert.Contains($"\"rules\": [\n      \"{rule}\"\n    ]", File.ReadAllText(Path.Combine(first, "manifest.json")));
        Assert.Contains($"\n- Tracing rule: {rule} (", File.ReadAllText(Path.Combine(first, "timeline.md")));
        var verify = await LaunderTrailProcess.RunAsync(new Dictionary<string, string> { ["LAUNDERTRAIL_DB"] = "" }, "verify", again);
        Assert.True(verify.ExitCode == 0, verify.Output + verify.Errors);
        Assert.StartsWith("OK ", verify.Output);
    }

    [Fact]
    public async Task An_unknown_rule_is_refused_before_anything_is_written()
    {
        using var folders = new TempFolders();
        await MixedCase.ImportAsync(Store, Ct);
        var folder = Path.Combine(folders.Create(), "bundle");

        var result = await LaunderTrailProcess.RunAsync(new Dictionary<string, string> { ["LAUNDERTRAIL_DB"] = Server.ConnectionString },
            ["timeline", "--schema", Schema, "--case", MixedCase.Case, "--rule", "lifo", "--out", folder]);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("--rule must be fifo, pro-rata or libr", result.Output + result.Errors);
        Assert.False(Directory.Exists(folder));
    }

    [Fact]
    public async Task Known_at_leaves_out_what_was_recorded_later_and_the_full_bundle_extends_its_chain()
    {
        using var folders = new TempFolders();
        await MixedCase.ImportAsync(Store, Ct);
        await MixedCase.ImportAsync(Store,
            """{"id":"x-9","case":"EX-2","type":"EventRetracted","at":"2019-05-20T09:00:00+08:00","retracts":"f-4","reason":"the statement belongs to another case"}""" + "\n",
            "2026-11-26T10:00:00Z", Ct);

        var asKnown = await TimelineAsync(folders, "UTC", "C.UTF-8", "--known-at", "2026-11-25T18:00:00+08:00");
        var now = await TimelineAsync(folders, "UTC", "C.UTF-8");

        var knownEvents = File.ReadAllLines(Path.Combine(asKnown, "events.jsonl"));
        var allEvents = File.ReadAllLines(Path.Combine(now, "events.jsonl"));
        Assert.Equal(30, knownEvents.Length);
        Assert.Equal(knownEvents, allEvents[..30]);
        Assert.DoesNotContain("x-9", File.ReadAllText(Path.Combine(asKnown, "timeline.md")));
        var timeline = File.ReadAllText(Path.Combine(now, "timeline.md"));
        Assert.Contains("[RETRACTED] **2019-05-02 11:30 +08:00**: 4,010.00 CNY left account unknown-77", timeline);
        Assert.Contains("Retracted by event x-9 (2019-05-20 09:00 +08:00): the statement belongs to another case", timeline);
        Assert.Contains("Correction: event f-4 is withdrawn. Reason: the statement belongs to another case", timeline);
    }
}
