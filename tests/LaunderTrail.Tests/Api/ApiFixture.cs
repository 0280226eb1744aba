using System.Net.Http.Headers;
using Alba;
using LaunderTrail.Access;
using LaunderTrail.Api;
using LaunderTrail.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace LaunderTrail.Tests.Api;

/// <summary>
/// The API host (as <c>laundertrail serve</c> builds it) over the test class's own schema, with one key per role.
/// </summary>
public abstract class ApiFixture(PostgresServer server) : StoreFixture(server), IAsyncLifetime, IAsyncDisposable
{
    private IAlbaHost? _host;

    protected IAlbaHost Host => _host ?? throw new InvalidOperationException("The host starts in InitializeAsync.");

    protected string InvestigatorKey { get; private set; } = "";
    protected string AuditorKey { get; private set; } = "";
    protected string CourtKey { get; private set; } = "";

    async ValueTask IAsyncLifetime.InitializeAsync()
    {
        await InitializeAsync();
        var keys = new ApiKeys(Store.Documents, TimeProvider.System);
        InvestigatorKey = (await keys.AddAsync("ines-investigator", ApiRole.Investigator))!;
        AuditorKey = (await keys.AddAsync("aldo-auditor", ApiRole.Auditor))!;
        CourtKey = (await keys.AddAsync("clerk-of-court", ApiRole.Court))!;

        var builder = WebApplication.CreateBuilder();
        builder.Logging.ClearProviders();
        ApiHost.Configure(builder, Store.Logins, Store.Schema);
        _host = await AlbaHost.For(builder, app => ApiHost.Map(app));
    }

    async ValueTask IAsyncDisposable.DisposeAsync()
    {
        if (_host is not null) await _host.DisposeAsync();
        await DisposeAsync();
    }

    /// <summary>
    /// The same host on a real Kestrel server on 127.0.0.1 (a free port), for what the in-memory test server does
    /// differently: it decodes <c>%2F</c> in the path, where Kestrel keeps it.
    /// </summary>
    protected async Task<WebApplication> StartKestrelAsync()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        ApiHost.Configure(builder, Store.Logins, Store.Schema);
        var app = builder.Build();
        ApiHost.Map(app);
        await app.StartAsync(TestContext.Current.CancellationToken);
        return app;
    }

    /// <summary>A client of <paramref name="app"/> (started by <see cref="StartKestrelAsync"/>) sending <paramref name="key"/>.</summary>
    protected static HttpClient Client(WebApplication app, string key)
    {
        var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    /// <summary>A client of the test server sending <paramref name="key"/> as a bearer token (none when null).</summary>
    protected HttpClient Client(string? key)
    {
        var client = Host.Server.CreateClient();
        if (key is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    protected static StringContent JsonLines(string text) => new(text, MediaTypeHeaderValue.Parse("application/x-ndjson"));

    protected static StringContent JsonArray(params string[] elements) =>
        new("[" + string.Join(",\n", elements) + "]", MediaTypeHeaderValue.Parse("application/json"));
}
