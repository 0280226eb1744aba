using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Alba;
using LaunderTrail.Access;
using LaunderTrail.Api;
using LaunderTrail.Flows;
using Marten.Events.Daemon.Coordination;
using Microsoft.Extensions.DependencyInjection;
using LaunderTrail.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace LaunderTrail.Tests.Api;

/// <summary>
/// The API host (as <c>laundertrail serve</c> builds it) in Alba over the test class's own schema, with one key per
/// role; requests are Alba scenarios (<see cref="SendAsync"/>), but for the few that need a real server or raw bodies.
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

    /// <summary>
    /// An Alba scenario sent as the holder of <paramref name="key"/> (no key when null), which fails unless the answer
    /// has <paramref name="status"/>.
    /// </summary>
    protected Task<IScenarioResult> SendAsync(string? key, Action<Scenario> request, HttpStatusCode status = HttpStatusCode.OK) =>
        Host.Scenario(s =>
        {
            if (key is not null) s.WithBearerToken(key);
            request(s);
            s.StatusCodeShouldBe(status);
        });

    protected Task<IScenarioResult> GetAsync(string? key, string url, HttpStatusCode status = HttpStatusCode.OK) =>
        SendAsync(key, s => s.Get.Url(url), status);

    /// <summary>A GET whose status the test asserts itself (<see cref="StatusOf"/>).</summary>
    protected Task<IScenarioResult> AnswerAsync(string? key, string url) =>
        Host.Scenario(s =>
        {
            if (key is not null) s.WithBearerToken(key);
            s.Get.Url(url);
            s.IgnoreStatusCode();
        });

    protected static HttpStatusCode StatusOf(IScenarioResult result) => (HttpStatusCode)result.Context.Response.StatusCode;

    protected static string? FileNameOf(IScenarioResult result) =>
        ContentDispositionHeaderValue.TryParse(result.Context.Response.Headers.ContentDisposition.ToString(), out var disposition)
            ? disposition.FileName
            : null;

    /// <summary>Posts <paramref name="body"/> as <paramref name="contentType"/>.</summary>
    protected Task<IScenarioResult> PostAsync(string? key, string url, string body, string contentType,
        HttpStatusCode status = HttpStatusCode.OK) =>
        SendAsync(key, s => s.Post.Text(body).ContentType(contentType).ToUrl(url), status);

    /// <summary>Posts facts as a JSON array (application/json).</summary>
    protected Task<IScenarioResult> PostFactsAsync(string key, string url, IEnumerable<string> facts,
        HttpStatusCode status = HttpStatusCode.OK) =>
        PostAsync(key, url, "[" + string.Join(",\n", facts) + "]", "application/json", status);

    /// <summary>Posts JSON Lines (application/x-ndjson).</summary>
    protected Task<IScenarioResult> PostJsonLinesAsync(string key, string url, string lines, HttpStatusCode status = HttpStatusCode.OK) =>
        PostAsync(key, url, lines, "application/x-ndjson", status);

    protected static string? MediaTypeOf(IScenarioResult result) =>
        MediaTypeHeaderValue.TryParse(result.Context.Response.ContentType, out var type) ? type.MediaType : null;

    protected static async Task<JsonDocument> JsonOf(IScenarioResult result) => JsonDocument.Parse(await result.ReadAsTextAsync());

    protected static byte[] BytesOf(IScenarioResult result)
    {
        var body = result.Context.Response.Body;
        if (body.CanSeek) body.Position = 0;
        using var copy = new MemoryStream();
        body.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>A client of the test server sending <paramref name="key"/> as a bearer token (none when null).</summary>
    protected HttpClient Client(string? key)
    {
        var client = Host.Server.CreateClient();
        if (key is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    /// <summary>
    /// Waits, as a client would with <c>?wait=</c>, for the host's projection to trace the case's recorded facts or to
    /// refuse to: reads answer from what the projection stored and never trace.
    /// </summary>
    protected async Task TracedAsync(string @case)
    {
        var status = await new FlowQueries(Store, StaleReadModels.ServeAsStored)
            .StatusAsync(@case, TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
        Assert.True(status is { IsSettled: true }, $"case {@case} was not traced within a minute: {status}");
    }

    /// <summary>Runs <paramref name="work"/> while the host's projection is paused, so that nothing it records is traced.</summary>
    protected async Task WhileTheProjectionIsPausedAsync(Func<Task> work)
    {
        var projection = Host.Services.GetRequiredService<IProjectionCoordinator>();
        await projection.PauseAsync();
        try
        {
            await work();
        }
        finally
        {
            await projection.ResumeAsync();
        }
    }

    protected static StringContent JsonLines(string text) => new(text, MediaTypeHeaderValue.Parse("application/x-ndjson"));

    protected static StringContent JsonArray(params string[] elements) =>
        new("[" + string.Join(",\n", elements) + "]", MediaTypeHeaderValue.Parse("application/json"));
}
