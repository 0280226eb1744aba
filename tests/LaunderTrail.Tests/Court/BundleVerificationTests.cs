using System.Security.Cryptography;
using LaunderTrail.Cli;
using LaunderTrail.Court;
using LaunderTrail.Tests.Support;

namespace LaunderTrail.Tests.Court;

/// <summary><c>verify DIR</c> holds for a bundle as written and names the place where a changed one fails.</summary>
public sealed class BundleVerificationTests(PostgresServer server) : StoreFixture(server)
{
    private static readonly Dictionary<string, string> NoDatabase = new() { ["LAUNDERTRAIL_DB"] = "" };
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<string> WriteBundleAsync(TempFolders folders)
    {
        await MixedCase.ImportAsync(Store, Ct);
        var records = await MixedCase.RecordsAsync(Store, null, Ct);
        var folder = folders.Create();
        foreach (var file in TimelineBundle.Build(records, new BundleParameters(MixedCase.Case, null, null), MixedCase.Generator))
            await File.WriteAllBytesAsync(Path.Combine(folder, file.Name), file.Content, Ct);
        return folder;
    }

    private static Task<LaunderTrailProcess.Result> VerifyAsync(string folder) =>
        LaunderTrailProcess.RunAsync(NoDatabase, "verify", folder);

    private static void FlipOneByte(string path, string from, string to)
    {
        var text = File.ReadAllText(path);
        var at = text.IndexOf(from, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{from}' not in {path}");
        File.WriteAllText(path, text[..at] + to + text[(at + from.Length)..]);
    }

    [Fact]
    public async Task A_bundle_as_written_verifies_without_a_database()
    {
        using var folders = new TempFolders();
        var folder = await WriteBundleAsync(folders);

        var result = await VerifyAsync(folder);

        Assert.True(result.ExitCode == ExitCodes.Ok, result.Output + result.Errors);
        Assert.True(BundleVerifier.Verify(folder).Holds);
    }

    [Fact]
    public async Task One_changed_byte_in_events_jsonl_fails_naming_the_file_and_the_event()
    {
        using var folders = new TempFolders();
        var folder = await WriteBundleAsync(folders);
        FlipOneByte(Path.Combine(folder, "events.jsonl"), "\"amount\":19990", "\"amount\":19999");

        var result = await VerifyAsync(folder);

        Assert.Equal(ExitCodes.VerificationFailed, result.ExitCode);
        Assert.Equal(
            [
                "FAILED events.jsonl: its SHA-256 differs from the manifest: the file was changed",
                "FAILED events.jsonl line 9 (event seq 9, id f-2): the chain hash recomputed from this record differs " +
                "from the one stated: the record or an earlier one was changed",
            ],
            result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task An_events_file_changed_into_one_endless_line_fails_instead_of_filling_the_memory()
    {
        using var folders = new TempFolders();
        var folder = await WriteBundleAsync(folders);
        await using (var events = File.Create(Path.Combine(folder, "events.jsonl")))
        {
            var block = new byte[1 << 20];
            Array.Fill(block, (byte)'x');
            for (var written = 0L; written <= BundleVerifier.MaxLineBytes; written += block.Length) await events.WriteAsync(block, Ct);
        }

        var verification = BundleVerifier.Verify(folder);

        Assert.False(verification.Holds);
        Assert.Contains(verification.Failures, f =>
            f.Place == "events.jsonl line 1" && f.Problem.StartsWith("is longer than 67,108,864 bytes", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_changed_report_file_fails_naming_it()
    {
        using var folders = new TempFolders();
        var folder = await WriteBundleAsync(folders);
        FlipOneByte(Path.Combine(folder, "timeline.html"), "19,990.00", "19,999.00");

        var result = await VerifyAsync(folder);

        Assert.Equal(ExitCodes.VerificationFailed, result.ExitCode);
        Assert.StartsWith("FAILED timeline.html: its SHA-256 differs from the manifest", result.Output);
    }

    [Fact]
    public async Task A_changed_file_whose_hash_was_forged_into_the_manifest_is_caught_by_regeneration()
    {
        using var folders = new TempFolders();
        var folder = await WriteBundleAsync(folders);
        var timeline = Path.Combine(folder, "timeline.md");
        var before = HashChain.Hex(SHA256.HashData(await File.ReadAllBytesAsync(timeline, Ct)));
        FlipOneByte(timeline, "Zhang Wei 19,990.00", "Zhang Wei 19,999.00");
        var after = HashChain.Hex(SHA256.HashData(await File.ReadAllBytesAsync(timeline, Ct)));
        FlipOneByte(Path.Combine(folder, "manifest.json"), before, after);

        var failures = BundleVerifier.Verify(folder).Failures;

        Assert.Equal(["timeline.md", "manifest.json"], failures.Select(f => f.Place));
        Assert.StartsWith("differs from the file regenerated from events.jsonl (first difference on line 41", failures[0].Problem);
        Assert.StartsWith("differs from the file regenerated from events.jsonl (first difference on line 41", failures[1].Problem);
    }

    [Fact]
    public async Task A_missing_file_fails_naming_it()
    {
        using var folders = new TempFolders();
        var folder = await WriteBundleAsync(folders);
        File.Delete(Path.Combine(folder, "timeline.json"));

        var result = await VerifyAsync(folder);

        Assert.Equal(ExitCodes.VerificationFailed, result.ExitCode);
        Assert.Equal(["FAILED timeline.json: is missing"], result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task A_folder_without_a_readable_manifest_is_an_unreadable_bundle()
    {
        using var folders = new TempFolders();
        var folder = await WriteBundleAsync(folders);
        await File.WriteAllTextAsync(Path.Combine(folder, "manifest.json"), "{ not json", Ct);

        var result = await VerifyAsync(folder);

        Assert.Equal(ExitCodes.DataError, result.ExitCode);
        Assert.Contains("not a readable bundle: manifest.json: unreadable manifest", result.Errors);
    }

    [Fact]
    public async Task A_file_the_manifest_does_not_list_fails_naming_it_hidden_ones_and_folders_too()
    {
        using var folders = new TempFolders();
        var folder = await WriteBundleAsync(folders);
        await File.WriteAllTextAsync(Path.Combine(folder, "ruling.md"), "The accused is innocent.\n", Ct);
        await File.WriteAllTextAsync(Path.Combine(folder, ".later.md"), "Added after the manifest.\n", Ct);
        Directory.CreateDirectory(Path.Combine(folder, "annex"));
        await File.WriteAllTextAsync(Path.Combine(folder, "annex", "events.jsonl"), "{}\n", Ct);

        var result = await VerifyAsync(folder);

        Assert.Equal(ExitCodes.VerificationFailed, result.ExitCode);
        Assert.Equal(
            [
                "FAILED .later.md: is not listed in the manifest: a bundle holds only its manifest and the files it lists",
                "FAILED annex/: is a folder the manifest does not list: a bundle holds only its manifest and the files it lists",
                "FAILED ruling.md: is not listed in the manifest: a bundle holds only its manifest and the files it lists",
            ],
            result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task An_empty_folder_the_manifest_does_not_list_fails_too()
    {
        using var folders = new TempFolders();
        var folder = await WriteBundleAsync(folders);
        Directory.CreateDirectory(Path.Combine(folder, ".git"));

        var failures = BundleVerifier.Verify(folder).Failures;

        Assert.Equal([".git/"], failures.Select(f => f.Place));
    }
}
