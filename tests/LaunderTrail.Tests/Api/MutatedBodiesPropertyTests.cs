using System.Net;
using System.Net.Http.Headers;
using CsCheck;
using LaunderTrail.Tests.Import;
using LaunderTrail.Tests.Support;

namespace LaunderTrail.Tests.Api;

/// <summary>
/// Whatever is done to valid facts posted over HTTP, the API records them or refuses them with problem details
/// (400 for a body it cannot read, 422 for facts the checks refuse) and records nothing; never a 500.
/// </summary>
public sealed class MutatedBodiesPropertyTests(PostgresServer server) : ApiFixture(server)
{
    /// <summary>Facts of cases recorded; the access log's own events (one per request) are not counted.</summary>
    private Task<long> RecordedCount() =>
        ScalarAsync("select count(*) from {schema}.mt_events where mt_dotnet_type like 'LaunderTrail.Evidence.%'");

    [Theory]
    [InlineData("application/x-ndjson")]
    [InlineData("application/json")]
    public async Task A_damaged_body_is_recorded_or_refused_with_problem_details_never_a_server_error(string mediaType)
    {
        using var client = Client(InvestigatorKey);

        await MutatedEvidence.AFile.SampleAsync(async file =>
        {
            var before = await RecordedCount();
            var content = new ByteArrayContent(mediaType == "application/json" ? AsArray(file.Bytes()) : file.Bytes());
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(mediaType);

            var response = await client.PostAsync("/cases/T-1/events", content, TestContext.Current.CancellationToken);

            var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity,
                $"{(int)response.StatusCode}: {body}");
            if (response.StatusCode == HttpStatusCode.OK) return;
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal(before, await RecordedCount());
        }, iter: 150, threads: 1, print: MutatedEvidence.Print);
    }

    /// <summary>The lines of a JSON Lines body as the elements of a JSON array, bytes untouched.</summary>
    private static byte[] AsArray(byte[] jsonLines)
    {
        var lines = new List<byte>(jsonLines.Length + 8) { (byte)'[' };
        var first = true;
        foreach (var line in Split(jsonLines))
        {
            if (line.Length == 0) continue;
            if (!first) lines.Add((byte)',');
            lines.AddRange(line);
            first = false;
        }

        lines.Add((byte)']');
        return lines.ToArray();
    }

    private static IEnumerable<byte[]> Split(byte[] bytes)
    {
        var start = 0;
        for (var i = 0; i <= bytes.Length; i++)
        {
            if (i < bytes.Length && bytes[i] != (byte)'\n') continue;
            yield return bytes[start..i];
            start = i + 1;
        }
    }
}
