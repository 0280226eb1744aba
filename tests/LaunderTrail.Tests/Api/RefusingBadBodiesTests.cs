using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using LaunderTrail.Tests.Support;

namespace LaunderTrail.Tests.Api;

/// <summary>
/// A posted body is taken as the bytes it came as: one that is not UTF-8 text is refused (400), never decoded with
/// replacement characters; facts with a NUL, a key stated twice or an amount beyond the contract are refused (422)
/// by the checks of <c>laundertrail import</c>, never by PostgreSQL (500). Nothing is recorded.
/// </summary>
public sealed class RefusingBadBodiesTests(PostgresServer server) : ApiFixture(server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Facts of cases recorded; the access log's own events (one per request) are not counted.</summary>
    private Task<long> RecordedCount() =>
        ScalarAsync("select count(*) from {schema}.mt_events where mt_dotnet_type like 'LaunderTrail.Evidence.%'");

    private static ByteArrayContent Body(byte[] bytes, string mediaType)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(mediaType);
        return content;
    }

    private static async Task<JsonDocument> ProblemOf(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
    }

    private static List<string> ErrorsOf(JsonDocument problem) => problem.RootElement.GetProperty("errors").EnumerateArray()
        .Select(e => $"{e.GetProperty("index").GetInt64()}:{e.GetProperty("field").GetString()}: {e.GetProperty("reason").GetString()}")
        .ToList();

    [Theory]
    [InlineData("application/x-ndjson")]
    [InlineData("application/json")]
    public async Task A_body_that_is_not_utf8_is_refused_whole_and_never_recorded_with_replacement_characters(string mediaType)
    {
        using var client = Client(InvestigatorKey);
        var line = Lines.Account("a-2", "li", "Mme Lé", "victim");
        var latin1 = Encoding.Latin1.GetBytes(mediaType == "application/json" ? $"[{line}]" : line + "\n");

        var response = await client.PostAsync("/cases/T-1/events", Body(latin1, mediaType), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = await ProblemOf(response);
        Assert.StartsWith("the body is not UTF-8 text: byte 0xE9 at byte", problem.RootElement.GetProperty("detail").GetString());
        Assert.Equal(0, await RecordedCount());
    }

    [Fact]
    public async Task A_gzip_compressed_body_sent_as_json_lines_is_named_for_what_it_is()
    {
        using var client = Client(InvestigatorKey);
        var compressed = new MemoryStream();
        await using (var gzip = new GZipStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
            await gzip.WriteAsync(Encoding.UTF8.GetBytes(Lines.Join(SmallCase.Facts)), Ct);

        var response = await client.PostAsync("/cases/T-1/events", Body(compressed.ToArray(), "application/x-ndjson"), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = await ProblemOf(response);
        Assert.Equal("the body is not text: this is a gzip-compressed file, not JSON Lines: decompress it first; nothing was written.",
            problem.RootElement.GetProperty("detail").GetString());
        Assert.Equal(0, await RecordedCount());
    }

    [Fact]
    public async Task A_nul_a_key_stated_twice_and_an_amount_beyond_the_contract_are_refused_by_the_checks_not_by_postgresql()
    {
        using var client = Client(InvestigatorKey);

        var response = await client.PostAsync("/cases/T-1/events", JsonArray(
            SmallCase.Facts[0],
            Lines.Transfer("t-8", "g-1\\u0000", "g-2", "5"),
            Lines.Transfer("t-9", "g-1", "g-2", "100,\"amount\":200"),
            Lines.Transfer("t-10", "g-1", "g-2", "79228162514264337593543950335")), Ct);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        using var problem = await ProblemOf(response);
        Assert.Equal([
            "1:from: holds U+0000, NUL, at character 4",
            "2:amount: is stated twice in one object; a fact states each field once",
            "3:amount: must be at most 1,000,000,000,000,000 (10^15)",
        ], ErrorsOf(problem));
        Assert.Equal(0, await RecordedCount());
    }

    [Fact]
    public async Task A_pretty_printed_array_is_checked_element_by_element_as_written()
    {
        using var client = Client(InvestigatorKey);
        var pretty = "[\n  " + string.Join(",\n  ", SmallCase.Facts.Select(f => f.Replace(",", ",\n    "))) + "\n]";

        var response = await client.PostAsync("/cases/T-1/events", Body(Encoding.UTF8.GetBytes(pretty), "application/json"), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(SmallCase.Facts.Length, await RecordedCount());
    }
}
