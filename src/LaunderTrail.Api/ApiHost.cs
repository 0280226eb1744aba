using FluentValidation;
using JasperFx;
using JasperFx.Events.Daemon;
using LaunderTrail.Api.Cases;
using LaunderTrail.Api.Recording;
using LaunderTrail.Access;
using LaunderTrail.Api.Reference;
using LaunderTrail.Api.Security;
using LaunderTrail.Cases;
using LaunderTrail.Flows;
using LaunderTrail.Import;
using LaunderTrail.Import.Statements;
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
    /// <summary>
    /// Registers the API over the schema <paramref name="schema"/>, already migrated by the owner login
    /// (<see cref="CaseStore.MigrateAsync"/>, <see cref="MigrateMessageStorageAsync"/>). The process holds one Marten
    /// store, the one Wolverine's Marten integration uses; <see cref="CaseStore"/> and the services built on it share it.
    /// </summary>
    public static void Configure(WebApplicationBuilder builder, DatabaseLogins logins, string schema)
    {
        // The projection reaches the case store once the host has built it; the store is built on the Marten store.
        builder.Services.AddSingleton(services => new CaseFlowsProjection(services.GetRequiredService<CaseStore>,
            services.GetRequiredService<ILoggerFactory>().CreateLogger<CaseFlowsProjection>()));
        builder.Services.AddMarten(services =>
            {
                var options = EvidenceStore.Configure(new StoreOptions(), logins.Application, schema,
                    services.GetRequiredService<CaseFlowsProjection>());
                options.Schema.For<RecordedFactsAnnounced>();
                // Wolverine builds its envelope tables when Marten may change the schema. A login that may not has had
                // them built by the owner (MigrateMessageStorageAsync); one login for both builds them as the host starts.
                if (!logins.AreSeparate)
                    options.AutoCreateSchemaObjects = AutoCreate.CreateOrUpdate;
                return options;
            })
            .IntegrateWithWolverine(integration => integration.MessageStorageSchemaName = schema)
            // Keeps the case read models current while nobody reads: one node at a time runs the projection, another
            // takes over when it stops (an advisory lock per projection in PostgreSQL).
            .AddAsyncDaemon(DaemonMode.HotCold);
        builder.Host.UseWolverine(ConfigureWolverine);
        builder.Services.AddWolverineHttp();
        // After Wolverine's own hosted service, so that the bus runs when it starts.
        builder.Services.AddHostedService<AnnounceAtStart>();

        // A singleton built once from the host's own Marten store; Wolverine passes singletons to its generated code.
        builder.Services.AddSingleton(services =>
            CaseStore.Over(logins, schema, (DocumentStore)services.GetRequiredService<IDocumentStore>(),
                services.GetRequiredService<CaseFlowsProjection>()));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<ApiKeys>();
        builder.Services.AddSingleton<AccessLog>();
        builder.Services.AddSingleton<CaseHistory>();
        // The daemon keeps the read models current: a read answers from what they stored and says how far it goes.
        builder.Services.AddSingleton(services => new FlowQueries(services.GetRequiredService<CaseStore>(), StaleReadModels.ServeAsStored));
        builder.Services.AddSingleton<FlowProjector>();
        builder.Services.AddSingleton<EvidenceImporter>();
        builder.Services.AddSingleton<StatementImport>();
        builder.Services.AddSingleton<IValidator<RecordFacts>, RecordFactsValidator>();
        builder.Services.AddSingleton<IValidator<FlowQuestion>, FlowQuestionValidator>();
        builder.Services.AddSingleton<IValidator<AccountRequest>, AccountRequestValidator>();
        builder.Services.AddSingleton<IValidator<ExportRequest>, ExportRequestValidator>();
        builder.Services.AddSingleton<IValidator<PathRequest>, PathRequestValidator>();
        builder.Services.AddSingleton<IValidator<TimelineRequest>, TimelineRequestValidator>();
        builder.Services.AddSingleton<IValidator<StatusRequest>, StatusRequestValidator>();

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
    public static async Task MigrateMessageStorageAsync(DatabaseLogins logins, string schema, CancellationToken ct)
    {
        if (!logins.AreSeparate)
            return;

        var builder = Host.CreateApplicationBuilder();
        // A failure is thrown; the DDL that Wolverine would log as it applies it is no news to whoever runs serve.
        builder.Logging.ClearProviders();
        builder.Services.AddMarten(options =>
            {
                EvidenceStore.ConfigureMigrations(options, logins.Owner, schema);
                options.Schema.For<RecordedFactsAnnounced>();
            })
            .IntegrateWithWolverine(integration => integration.MessageStorageSchemaName = schema);
        builder.UseWolverine(ConfigureWolverine);
        using var host = builder.Build();
        await host.Services.GetRequiredService<IDocumentStore>().Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        await host.Services.GetRequiredService<IWolverineRuntime>().Storage.Admin.MigrateAsync(AutoCreate.CreateOrUpdate);
        await CaseStore.GrantApplicationPrivilegesAsync(logins, schema, ct);
    }

    /// <summary>
    /// How often each node says it is alive, and how long a silent node is given before the others take its durable
    /// messages: a node killed between recording facts and handling their announcement leaves the announcement owned
    /// by it, and the leader hands it to a live node once the dead one is stale.
    /// </summary>
    private static readonly TimeSpan HealthCheckPolling = TimeSpan.FromSeconds(5);

    private static readonly TimeSpan StaleNode = TimeSpan.FromSeconds(30);

    private static void ConfigureWolverine(WolverineOptions options)
    {
        options.ApplicationAssembly = typeof(ApiHost).Assembly;
        options.UseRuntimeCompilation();
        // Balanced: the nodes on one database register themselves, elect a leader, and the leader reassigns the
        // inbox of a node that stopped answering. Solo would leave a killed node's envelopes until it came back.
        options.Durability.Mode = DurabilityMode.Balanced;
        options.Durability.HealthCheckPollingTime = HealthCheckPolling;
        options.Durability.StaleNodeTimeout = StaleNode;
        // A handler that takes a Marten session runs in Wolverine's transaction, its messages in the same commit (outbox).
        options.Policies.AutoApplyTransactions();
        // A recorded fact's announcement is kept in the envelope tables until it has been handled.
        options.LocalQueueFor<FactsRecorded>().UseDurableInbox();
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
