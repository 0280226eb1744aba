using System.Net;
using System.Net.Http.Headers;
using LaunderTrail.Access;
using LaunderTrail.Tests.Support;

namespace LaunderTrail.Tests.Api;

public sealed class RolesTests(PostgresServer server) : ApiFixture(server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<HttpStatusCode> StatusAsync(string? key, HttpMethod method, string url)
    {
        using var client = Client(key);
        using var request = new HttpRequestMessage(method, url);
        if (method == HttpMethod.Post) request.Content = JsonArray(SmallCase.Facts);
        var response = await client.SendAsync(request, Ct);
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return response.StatusCode;
    }

    private static readonly (string Role, string Method, string Url, HttpStatusCode Expected)[] Boundaries =
    [
        ("none", "GET", "/cases", HttpStatusCode.Unauthorized),
        ("none", "POST", "/cases/T-1/events", HttpStatusCode.Unauthorized),
        ("none", "GET", "/cases/T-1/timeline", HttpStatusCode.Unauthorized),
        ("unknown", "GET", "/cases/T-1/flows", HttpStatusCode.Unauthorized),
        ("auditor", "POST", "/cases/T-1/events", HttpStatusCode.Forbidden),
        ("auditor", "GET", "/cases/T-1/access-log", HttpStatusCode.Forbidden),
        ("auditor", "GET", "/cases/T-1/flows", HttpStatusCode.OK),
        ("auditor", "GET", "/cases/T-1/timeline?format=json", HttpStatusCode.OK),
        ("court", "POST", "/cases/T-1/events", HttpStatusCode.Forbidden),
        ("court", "GET", "/cases", HttpStatusCode.Forbidden),
        ("court", "GET", "/cases/T-1/flows", HttpStatusCode.Forbidden),
        ("court", "GET", "/cases/T-1/accounts/g-1", HttpStatusCode.Forbidden),
        ("court", "GET", "/merchants/cm-1", HttpStatusCode.Forbidden),
        ("court", "GET", "/cases/T-1/access-log", HttpStatusCode.Forbidden),
        ("court", "GET", "/cases/T-1/timeline", HttpStatusCode.OK),
        ("investigator", "POST", "/cases/T-1/events", HttpStatusCode.OK),
        ("investigator", "GET", "/cases/T-1/access-log", HttpStatusCode.OK),
    ];

    [Fact]
    public async Task Each_role_reaches_only_its_endpoints_and_is_refused_with_401_or_403_elsewhere()
    {
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(InvestigatorKey, HttpMethod.Post, "/cases/T-1/events"));
        var wrong = new List<string>();
        foreach (var (role, method, url, expected) in Boundaries)
        {
            var key = role switch
            {
                "investigator" => InvestigatorKey,
                "auditor" => AuditorKey,
                "court" => CourtKey,
                "unknown" => ApiKeySecret.New(),
                _ => null,
            };
            var actual = await StatusAsync(key, HttpMethod.Parse(method), url);
            if (actual != expected) wrong.Add($"{role} {method} {url}: {(int)actual}, expected {(int)expected}");
        }

        Assert.Empty(wrong);
    }

    [Fact]
    public async Task The_key_may_come_as_x_api_key_and_a_revoked_key_is_refused()
    {
        using var client = Client(null);
        client.DefaultRequestHeaders.Add("X-Api-Key", AuditorKey);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/cases", Ct)).StatusCode);

        await new ApiKeys(Store.Documents, TimeProvider.System).RevokeAsync("aldo-auditor", Ct);

        var refused = await client.GetAsync("/cases", Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("Bearer", refused.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    public async Task Only_the_hash_of_a_key_is_stored()
    {
        var stored = await ScalarAsync(
            $"select count(*) from {{schema}}.mt_doc_apikey where data::text like '%{InvestigatorKey}%' or id = '{InvestigatorKey}'");

        Assert.Equal(0, stored);
        Assert.Equal(3, await ScalarAsync("select count(*) from {schema}.mt_doc_apikey"));
        Assert.Equal(43, InvestigatorKey.Length);
    }
}
