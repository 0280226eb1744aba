using LaunderTrail.Cases;
using LaunderTrail.Court;
using LaunderTrail.Import;
using LaunderTrail.Storage;
using LaunderTrail.Tests.Support;
using LaunderTrail.Tests.Tracing;

namespace LaunderTrail.Tests.Court;

/// <summary>The spec's mixed case (EX-2), recorded at fixed moments so that its hashes and bundles are repeatable.</summary>
internal static class MixedCase
{
    public const string Case = "EX-2";
    public const string FirstImport = "2026-11-25T10:00:00Z";
    public const string Generator = "LaunderTrail (test build)";

    public static string File => Path.Combine(SpecExamples.Folder, "mixed-case.jsonl");

    public static async Task ImportAsync(CaseStore store, string text, string at, CancellationToken ct)
    {
        var outcome = await new EvidenceImporter(store, FixedClock.At(at))
            .ImportAsync(new JsonLinesText("mixed-case.jsonl", text), "investigator-1", ct: ct);
        Assert.True(outcome.Accepted, string.Join("\n", outcome.Errors));
    }

    public static Task ImportAsync(CaseStore store, CancellationToken ct) =>
        ImportAsync(store, System.IO.File.ReadAllText(File), FirstImport, ct);

    public static async Task<IReadOnlyList<ChainedRecord>> RecordsAsync(CaseStore store, DateTimeOffset? knownAt, CancellationToken ct)
    {
        var records = new List<ChainedRecord>();
        await foreach (var recorded in new CaseHistory(store).ReadAsync(Case, knownAt, ct))
            records.Add(new ChainedRecord(recorded.Seq, recorded.RecordedAt, recorded.Fact));
        return records;
    }
}
