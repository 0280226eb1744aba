using JasperFx;
using JasperFx.Events.Daemon;
using LaunderTrail.Access;
using LaunderTrail.Api.Reference;
using LaunderTrail.Api.Security;
using LaunderTrail.Storage;
using Marten;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;
using Wolverine.Runtime;

namespace LaunderTrail.Api;

/// <summary>
/// The HTTP API of LaunderTrail: ASP.NET Core with Wolverine endpoints over the same store (and the same
/// Marten configuration) as the command line. <c>laundertrail serve</c> and the tests build it the same way.
/// </summary>
public static class ApiHost
{
    public static void Configure(WebApplicationBuilder builder, CaseStore store)
    {
        builder.Services.AddSingleton(store);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<ApiKeys>();
        builder.Services.AddSingleton<AccessLog>();

        builder.Services.AddMarten(options =>
            {
                EvidenceStore.Configure(options, store.ConnectionString, store.Schema, store.Flows);
                // Wolverine builds its envelope tables when Marten may change the schema. A login that may not has had
                // them built by the owner (MigrateMessageStorageAsync); one login for both builds them as the host starts.
                if (!store.Logins.AreSeparate)
                    options.AutoCreateSchemaObjects = AutoCreate.CreateOrUpdate;
            })
            .IntegrateWithWolverine(integration => integration.MessageStorageSchemaName = store.Schema)
            // Keeps the case read models current while nobody reads: one node at a time runs the projection, another
            // takes over when it stops (an advisory lock per projection in PostgreSQL).
            .AddAsyncDaemon(DaemonMode.HotCold);
        builder.Host.UseWolverine(ConfigureWolverine);
        builder.Services.AddWolverineHttp();

        builder.Services.AddAuthentication(ApiKeyAuthentication.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthentication>(ApiKeyAuthentication.SchemeName, null);
        builder.Services.AddAuthorization();
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<ReadFailures>();
        builder.Services.AddOpenApi();
    }

    /// <summary>
    /// Creates or updates Wolverine's envelope tables as the owner login, and lets the application login use them,
    /// when the two differ; with one login, Wolverine does that itself when the host starts.
    /// </summary>
    public static async Task MigrateMessageStorageAsync(CaseStore store, CancellationToken ct)
    {
        if (!store.Logins.AreSeparate)
            return;

        var builder = Host.CreateApplicationBuilder();
        // A failure is thrown; the DDL that Wolverine would log as it applies it is no news to whoever runs serve.
        builder.Logging.ClearProviders();
        builder.Services.AddMarten(options => EvidenceStore.ConfigureMigrations(options, store.Logins.Owner, store.Schema))
            .IntegrateWithWolverine(integration => integration.MessageStorageSchemaName = store.Schema);
        builder.UseWolverine(ConfigureWolverine);
        using var host = builder.Build();
        await host.Services.GetRequiredService<IWolverineRuntime>().Storage.Admin.MigrateAsync(AutoCreate.CreateOrUpdate);
        await store.GrantApplicationPrivilegesAsync(ct);
    }

    private static void ConfigureWolverine(WolverineOptions options)
    {
        options.ApplicationAssembly = typeof(ApiHost).Assembly;
        options.UseRuntimeCompilation();
        options.Durability.Mode = DurabilityMode.Solo;
    }

    public static void Map(WebApplication app, string? webRoot = null)
    {
        app.UseExceptionHandler();
        WebView.Map(app, webRoot);
        app.UseMiddleware<EncodedRouteValues>();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseMiddleware<AccessLogging>();
        app.MapOpenApi();
        ApiReferencePage.Map(app);
        app.MapWolverineEndpoints();
    }
}
