using System.Text.RegularExpressions;
using CsCheck;
using LaunderTrail.Import;
using LaunderTrail.Tests.Support;

namespace LaunderTrail.Tests.Import;

/// <summary>
/// Whatever is done to valid evidence, the import either records it or refuses it with FILE:LINE: field: reason
/// lines and writes nothing; it never fails with an exception. On failure CsCheck prints the seed that replays it.
/// </summary>
public sealed partial class MutatedEvidencePropertyTests(PostgresServer server) : StoreFixture(server)
{
    private Task<long> RecordedCount() => ScalarAsync("select count(*) from {schema}.mt_events where stream_id not like 'recorded:%'");

    [Fact]
    public async Task A_damaged_file_is_recorded_or_refused_line_by_line_never_failing_and_a_refused_one_writes_nothing()
    {
        var importer = new EvidenceImporter(Store, TimeProvider.System);
        var refused = 0;

        await MutatedEvidence.AFile.SampleAsync(async file =>
        {
            var before = await RecordedCount();
            var outcome = await importer.ImportAsync(new JsonLinesBytes("damaged.jsonl", file.Bytes()), "investigator-1",
                ct: TestContext.Current.CancellationToken);

            if (outcome.Accepted) return;
            refused++;
            Assert.All(outcome.Errors, e => Assert.Matches(ErrorLine(), e.ToString()));
            Assert.Equal(before, await RecordedCount());
        }, iter: 400, threads: 1, print: MutatedEvidence.Print);

        Assert.InRange(refused, 100, 400);
    }

    [Fact]
    public async Task The_command_exits_0_or_65_on_a_damaged_file_with_an_error_line_per_problem()
    {
        await MutatedEvidence.AFile.SampleAsync(async file =>
        {
            var path = Path.Combine(Path.GetTempPath(), $"laundertrail-test-{Guid.NewGuid():N}.jsonl");
            await File.WriteAllBytesAsync(path, file.Bytes(), TestContext.Current.CancellationToken);
            try
            {
                var before = await RecordedCount();
                var result = await RunCommandAsync("import", path);

                Assert.True(result.ExitCode is 0 or 65, $"exit code {result.ExitCode}: {result.Errors}");
                Assert.DoesNotContain("Unhandled exception", result.Errors);
                if (result.ExitCode == 0) return;
                Assert.Contains($"{path}:", result.Errors);
                Assert.Equal(before, await RecordedCount());
            }
            finally
            {
                File.Delete(path);
            }
        }, iter: 6, threads: 1, print: MutatedEvidence.Print);
    }

    // A damaged field name may hold colons of its own.
    [GeneratedRegex(@"^damaged\.jsonl:[0-9]+: \S.*: \S")]
    private static partial Regex ErrorLine();
}
