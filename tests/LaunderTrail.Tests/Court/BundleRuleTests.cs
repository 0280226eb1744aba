using System.Text;
using System.Text.Json;
using LaunderTrail.Court;
using LaunderTrail.Tests.Support;
using LaunderTrail.Tracing;

namespace LaunderTrail.Tests.Court;

/// <summary>A bundle names the tracing rule its figures are traced under, in every file, and can be written under any rule.</summary>
public sealed class BundleRuleTests(PostgresServer server) : StoreFixture(server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<IReadOnlyList<ChainedRecord>> RecordsAsync()
    {
        await MixedCase.ImportAsync(Store, Ct);
        return await MixedCase.RecordsAsync(Store, null, Ct);
    }

    private static IReadOnlyList<BundleFile> Bundle(IReadOnlyList<ChainedRecord> records, TracingRule? rule) =>
        TimelineBundle.Build(records, new BundleParameters(MixedCase.Case, null, null, rule), MixedCase.Generator);

    private static string Text(IReadOnlyList<BundleFile> bundle, string name) =>
        Encoding.UTF8.GetString(bundle.Single(f => f.Name == name).Content);

    private static List<string?> Rules(JsonElement element) =>
        element.GetProperty("rules").EnumerateArray().Select(rule => rule.GetString()).ToList();

    [Fact]
    public async Task A_bundle_under_libr_names_libr_in_every_file_and_carries_the_libr_report_alone()
    {
        var records = await RecordsAsync();

        var bundle = Bundle(records, TracingRule.Libr);

        using var manifest = JsonDocument.Parse(Text(bundle, "manifest.json"));
        using var timeline = JsonDocument.Parse(Text(bundle, "timeline.json"));
        Assert.Equal(["libr"], Rules(manifest.RootElement.GetProperty("parameters")));
        Assert.Equal(["libr"], Rules(timeline.RootElement));
        var report = Assert.Single(timeline.RootElement.GetProperty("reports").EnumerateObject());
        Assert.Equal("libr", report.Name);
        var libr = FlowTracer.Trace(MixedCase.Case, records.Select(r => r.Fact).ToList(), TracingRule.Libr);
        Assert.Equal(FlowReportJson.Write(libr).TrimEnd('\n'), report.Value.GetRawText());

        var markdown = Text(bundle, "timeline.md");
        Assert.Contains("\n- Tracing rule: libr (lowest intermediate balance: money leaving a mixed account is the wrongdoer's own first, " +
                        "then the victims' in proportion to their shares)\n", markdown);
        Assert.Contains("\n| | libr |\n", markdown);
        Assert.Contains("\n## Victims' money reaching resale buyers (libr)\n", markdown);
        Assert.DoesNotContain("fifo", markdown);
        Assert.DoesNotContain("pro-rata", markdown);
        var html = Text(bundle, "timeline.html");
        Assert.Contains("<dt>Tracing rule</dt><dd>libr (lowest intermediate balance", html);
        Assert.Contains("<th class=\"n\">libr</th>", html);
        Assert.DoesNotContain("fifo", html);
    }

    [Theory]
    [InlineData(TracingRule.Fifo, "fifo")]
    [InlineData(TracingRule.ProRata, "pro-rata")]
    [InlineData(TracingRule.Libr, "libr")]
    public async Task The_figures_of_a_bundle_under_one_rule_are_that_rules_trace(TracingRule rule, string name)
    {
        var records = await RecordsAsync();

        var bundle = Bundle(records, rule);

        using var timeline = JsonDocument.Parse(Text(bundle, "timeline.json"));
        var report = timeline.RootElement.GetProperty("reports").GetProperty(name);
        var traced = FlowTracer.Trace(MixedCase.Case, records.Select(r => r.Fact).ToList(), rule);
        Assert.Equal(FlowReportJson.Write(traced).TrimEnd('\n'), report.GetRawText());
        Assert.Contains($"\n- Tracing rule: {name} (", Text(bundle, "timeline.md"));
    }

    [Fact]
    public async Task Without_a_rule_the_bundle_holds_fifo_and_pro_rata_side_by_side_as_it_always_has()
    {
        var records = await RecordsAsync();

        var bundle = Bundle(records, null);

        using var manifest = JsonDocument.Parse(Text(bundle, "manifest.json"));
        using var timeline = JsonDocument.Parse(Text(bundle, "timeline.json"));
        Assert.Equal(["fifo", "pro-rata"], Rules(manifest.RootElement.GetProperty("parameters")));
        Assert.Equal(["fifo", "pro-rata"], timeline.RootElement.GetProperty("reports").EnumerateObject().Select(p => p.Name));
        Assert.Contains("\n- Tracing rules: fifo (first in, first out", Text(bundle, "timeline.md"));
        Assert.Contains("\n| | fifo | pro-rata |\n", Text(bundle, "timeline.md"));
    }

    [Fact]
    public void A_manifest_that_names_no_rules_was_written_before_bundles_named_them_and_holds_the_default_two()
    {
        var manifest = BundleManifest.Read(Encoding.UTF8.GetBytes(ManifestWithRules(null)));
        var libr = BundleManifest.Read(Encoding.UTF8.GetBytes(ManifestWithRules("""["libr"]""")));
        var both = BundleManifest.Read(Encoding.UTF8.GetBytes(ManifestWithRules("""["fifo","pro-rata"]""")));

        Assert.Null(manifest.Parameters.Rule);
        Assert.Equal(TracingRule.Libr, libr.Parameters.Rule);
        Assert.Null(both.Parameters.Rule);
        Assert.Equal([TracingRule.Fifo, TracingRule.ProRata], both.Parameters.Rules);
    }

    [Theory]
    [InlineData("""["lifo"]""")]
    [InlineData("""["pro-rata","fifo"]""")]
    [InlineData("""["libr","fifo"]""")]
    [InlineData("""[]""")]
    [InlineData("\"libr\"")]
    public void A_manifest_naming_rules_no_bundle_is_written_under_is_unreadable(string rules)
    {
        var failure = Assert.Throws<InvalidDataException>(() => BundleManifest.Read(Encoding.UTF8.GetBytes(ManifestWithRules(rules))));

        Assert.StartsWith("unreadable manifest: ", failure.Message);
    }

    [Fact]
    public async Task A_manifest_whose_rule_was_changed_fails_verification_on_every_timeline_file()
    {
        using var folders = new TempFolders();
        var records = await RecordsAsync();
        var folder = folders.Create();
        foreach (var file in Bundle(records, TracingRule.Libr))
            await File.WriteAllBytesAsync(Path.Combine(folder, file.Name), file.Content, Ct);
        var manifestPath = Path.Combine(folder, "manifest.json");
        await File.WriteAllTextAsync(manifestPath,
            (await File.ReadAllTextAsync(manifestPath, Ct)).Replace("\"libr\"", "\"fifo\"", StringComparison.Ordinal), Ct);

        var verification = BundleVerifier.Verify(folder);

        Assert.False(verification.Holds);
        Assert.Equal(["manifest.json", "timeline.html", "timeline.json", "timeline.md"],
            verification.Failures.Select(f => f.Place).Order(StringComparer.Ordinal));
    }

    private static string ManifestWithRules(string? rules) =>
        $$"""
          {"bundle":"LaunderTrail timeline bundle, version 1","generator":"LaunderTrail (test build)",
           "parameters":{"case":"EX-2","asOf":null,"knownAt":null{{(rules is null ? "" : $",\"rules\":{rules}")}}},
           "events":{"count":0,"firstSeq":null,"lastSeq":null},
           "chain":{"algorithm":"SHA-256","genesis":"00","head":"00"},"files":[]}
          """;
}
