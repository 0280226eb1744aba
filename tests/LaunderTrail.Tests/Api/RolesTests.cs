using System.Net;
using System.Net.Http.Headers;
using Alba;
using LaunderTrail.Access;
using LaunderTrail.Tests.Support;

namespace LaunderTrail.Tests.Api;

public sealed class RolesTests(PostgresServer server) : ApiFixture(server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<HttpStatusCode> StatusAsync(string? key, HttpMethod method, string url)
    {
        var response = await Host.Scenario(s =>
        {
            if (key is not null) s.WithBearerToken(key);
            if (method == HttpMethod.Post) s.Post.Text("[" + string.Join(",\n", SmallCase.Facts) + "]").ContentType("application/json").ToUrl(url);
            else s.Get.Url(url);
            s.IgnoreStatusCode();
        });
        if (StatusOf(response) is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
            Assert.Equal("application/problem+json", MediaTypeOf(response));
        return StatusOf(response);
    }

    private static readonly (string Role, string Method, string Url, HttpStatusCode Expected)[] Boundaries =
    [
        ("none", "GET", "/cases", HttpStatusCode.Unauthorized),
        ("none", "POST", "/cases/T-1/events", HttpStatusCode.Unauthorized),
        ("none", "GET", "/cases/T-1/timeline", HttpStatusCode.Unauthorized),
        ("unknown", "GET", "/cases/T-1/flows", HttpStatusCode.Unauthorized),
        ("auditor", "POST", "/cases/T-1/events", HttpStatusCode.Forbidden),
        ("auditor", "GET", "/cases/T-1/access-log", HttpStatusCode.Forbidden),
        ("auditor", "GET", "/cases/T-1/flows?wait=60", HttpStatusCode.OK),
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
        Task<IScenarioResult> ListAsKey(HttpStatusCode status) =>
            SendAsync(null, s =>
            {
                s.WithRequestHeader("X-Api-Key", AuditorKey);
                s.Get.Url("/cases");
            }, status);
        await ListAsKey(HttpStatusCode.OK);

        await new ApiKeys(Store.Documents, TimeProvider.System).RevokeAsync("aldo-auditor", Ct);

        var refused = await ListAsKey(HttpStatusCode.Unauthorized);
        Assert.Equal("Bearer", AuthenticationHeaderValue.Parse(refused.Context.Response.Headers.WWWAuthenticate.Single()!).Scheme);
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
