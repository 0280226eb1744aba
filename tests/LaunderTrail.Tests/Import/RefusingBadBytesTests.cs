using System.IO.Compression;
using System.Text;
using LaunderTrail.Import;
using LaunderTrail.Tests.Support;

namespace LaunderTrail.Tests.Import;

/// <summary>
/// Bytes that are not evidence (not UTF-8, not text, a NUL, a name too long for the store) are refused at the
/// checking pass with FILE:LINE: field: reason, every one of them, and nothing is written.
/// </summary>
public sealed class RefusingBadBytesTests(PostgresServer server) : StoreFixture(server)
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    private static readonly byte[] Good = Encoding.UTF8.GetBytes(Lines.Join(
        Lines.Account("a-1", "zheng", "Ms Zheng", "victim"),
        Lines.Transfer("t-1", "zheng", "g-1", "100")));

    private Task<ImportOutcome> Import(string name, byte[] bytes) =>
        new EvidenceImporter(Store, FixedClock.At("2026-11-25T10:00:00Z")).ImportAsync(new JsonLinesBytes(name, bytes), "investigator-1", ct: Ct);

    private Task<long> RecordedCount() => ScalarAsync("select count(*) from {schema}.mt_events where stream_id not like 'recorded:%'");

    private static byte[] Concat(params byte[][] parts) => parts.SelectMany(p => p).ToArray();

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    [Fact]
    public async Task A_nul_in_a_string_is_refused_at_the_check_not_by_postgresql_at_the_write()
    {
        var outcome = await Import("nul.jsonl", Concat(Good, Utf8(Lines.Transfer("t-2", "g-1\\u0000", "g-2", "5") + "\n")));

        Assert.Equal(["nul.jsonl:3: from: holds U+0000, NUL, at character 4"], outcome.Errors.Select(e => e.ToString()));
        Assert.Equal(0, await RecordedCount());
    }

    [Fact]
    public async Task Every_line_that_is_not_utf8_is_named_with_its_byte_and_nothing_is_written()
    {
        var latin1 = Encoding.Latin1.GetBytes(Lines.Account("a-2", "li", "Mme Lé", "victim") + "\n");
        var truncated = Concat(Utf8("{\"id\":\"x\u4E2D"), [0xE4, 0xB8], Utf8("\"}\n"));

        var outcome = await Import("latin1.jsonl", Concat(Good, latin1, truncated, Good));

        Assert.Equal([
            "latin1.jsonl:3: line: is not UTF-8 text (byte 0xE9 at byte 116 of the line): save the file as UTF-8",
            "latin1.jsonl:4: line: is not UTF-8 text (byte 0xE4 at byte 12 of the line): save the file as UTF-8",
        ], outcome.Errors.Select(e => e.ToString()));
        Assert.Equal(0, await RecordedCount());
    }

    [Fact]
    public async Task A_gzip_compressed_file_is_named_as_such_in_one_error()
    {
        var compressed = new MemoryStream();
        await using (var gzip = new GZipStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
            await gzip.WriteAsync(Good, Ct);

        var outcome = await Import("case.jsonl.gz", compressed.ToArray());

        Assert.Equal(["case.jsonl.gz:1: line: this is a gzip-compressed file, not JSON Lines: decompress it first"],
            outcome.Errors.Select(e => e.ToString()));
        Assert.Equal(0, await RecordedCount());
    }

    [Theory]
    [InlineData(new byte[] { 0xFF, 0xFE, (byte)'{', 0 }, "this is UTF-16 text, not UTF-8: convert it to UTF-8")]
    [InlineData(new byte[] { 0x50, 0x4B, 0x03, 0x04, 0x14, 0 }, "this is a ZIP archive (or an .xlsx/.docx document), not JSON Lines: extract or export the facts as JSON Lines")]
    [InlineData(new byte[] { (byte)'{', 0, (byte)'"', 0 }, "this is a binary file (it holds NUL bytes), not JSON Lines: UTF-8 text with one JSON object per line")]
    public async Task A_file_that_is_not_text_is_named_for_what_it_is(byte[] start, string expected)
    {
        var outcome = await Import("exhibit", Concat(start, Good));

        Assert.Equal([$"exhibit:1: line: {expected}"], outcome.Errors.Select(e => e.ToString()));
        Assert.Equal(0, await RecordedCount());
    }

    [Fact]
    public async Task A_case_number_too_long_for_the_stream_index_is_refused_at_the_check()
    {
        var line = Lines.Transfer("t-2", "g-1", "g-2", "5").Replace("\"T-1\"", $"\"{new string('C', 3000)}\"");

        var outcome = await Import("long.jsonl", Concat(Good, Utf8(line + "\n")));

        Assert.Equal(["long.jsonl:3: case: is 3,000 characters long; at most 256"], outcome.Errors.Select(e => e.ToString()));
        Assert.Equal(0, await RecordedCount());
    }

    [Theory]
    [InlineData("access-lists")]
    [InlineData("access:T-1")]
    public async Task A_case_number_that_would_share_a_stream_with_an_access_log_is_refused_at_the_check(string @case)
    {
        var line = Lines.Transfer("t-2", "g-1", "g-2", "5").Replace("\"T-1\"", $"\"{@case}\"");

        var outcome = await Import("reserved.jsonl", Concat(Good, Utf8(line + "\n")));

        Assert.Equal(["reserved.jsonl:3: case: is reserved for access logs: a case number may not be 'access-lists' or begin with 'access:'"],
            outcome.Errors.Select(e => e.ToString()));
        Assert.Equal(0, await RecordedCount());
    }

    [Fact]
    public async Task A_line_longer_than_the_limit_is_refused_and_the_lines_after_it_are_still_checked()
    {
        var huge = Utf8("{\"note\":\"" + new string('x', JsonLinesReader.MaxLineBytes) + "\"}\n");
        var bad = Utf8(Lines.Transfer("t-3", "g-1", "g-1", "5") + "\n");

        var outcome = await Import("huge.jsonl", Concat(Good, huge, bad));

        Assert.Equal([
            "huge.jsonl:3: line: is longer than 1,048,576 bytes: one fact per line, and no fact is that long",
            "huge.jsonl:4: to: must differ from from",
        ], outcome.Errors.Select(e => e.ToString()));
        Assert.Equal(0, await RecordedCount());
    }

    [Fact]
    public async Task A_byte_order_mark_and_crlf_line_ends_are_read_as_text()
    {
        var windows = Concat(Encoding.UTF8.Preamble.ToArray(), Utf8(Encoding.UTF8.GetString(Good).Replace("\n", "\r\n")));

        var outcome = await Import("windows.jsonl", windows);

        Assert.True(outcome.Accepted, string.Join("\n", outcome.Errors));
        Assert.Equal(2, await RecordedCount());
    }

    [Fact]
    public async Task The_command_refuses_a_gzip_file_with_exit_code_65_and_writes_nothing()
    {
        var path = Path.Combine(Path.GetTempPath(), $"laundertrail-test-{Guid.NewGuid():N}.jsonl");
        await using (var file = File.Create(path))
        await using (var gzip = new GZipStream(file, CompressionLevel.Optimal))
            await gzip.WriteAsync(Good, Ct);
        try
        {
            var result = await RunCommandAsync("import", path);

            Assert.Equal(65, result.ExitCode);
            Assert.Contains($"{path}:1: line: this is a gzip-compressed file, not JSON Lines: decompress it first", result.Errors);
            Assert.Equal(0, await RecordedCount());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task The_command_refuses_a_nul_and_a_line_that_is_not_utf8_with_exit_code_65()
    {
        var path = Path.Combine(Path.GetTempPath(), $"laundertrail-test-{Guid.NewGuid():N}.jsonl");
        await File.WriteAllBytesAsync(path, Concat(Good,
            Utf8(Lines.Transfer("t-2", "g-1", "g-2\\u0000", "5") + "\n"),
            Encoding.Latin1.GetBytes(Lines.Account("a-2", "li", "Mme Lé", "victim") + "\n")), Ct);
        try
        {
            var result = await RunCommandAsync("import", path);

            Assert.Equal(65, result.ExitCode);
            Assert.Contains($"{path}:3: to: holds U+0000, NUL, at character 4", result.Errors);
            Assert.Contains($"{path}:4: line: is not UTF-8 text", result.Errors);
            Assert.Equal(0, await RecordedCount());
        }
        finally
        {
            File.Delete(path);
        }
    }
}
