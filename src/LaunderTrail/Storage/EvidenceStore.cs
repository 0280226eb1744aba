using JasperFx;
using JasperFx.Events;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using LaunderTrail.Evidence;
using LaunderTrail.Flows;
using Marten;
using Marten.Events;
using Weasel.Core;

namespace LaunderTrail.Storage;

/// <summary>
/// Marten set-up for LaunderTrail: one event stream per case (keyed by the case number), facts stored with
/// who recorded them, the import batch they came with and their place in the case's hash chain.
/// </summary>
public static class EvidenceStore
{
    public const string DefaultSchema = "laundertrail";

    /// <remarks>
    /// The store a command opens runs no daemon of its own: <c>laundertrail serve</c> runs the projection, and
    /// <c>rebuild</c> runs it on demand. Saying so keeps Marten from printing a warning into a command's output.
    /// </remarks>
    public static DocumentStore Open(string connectionString, string schema, CaseFlowsProjection flows)
    {
        var options = Configure(new StoreOptions(), connectionString, schema, flows);
        options.Projections.AsyncMode = DaemonMode.ExternallyManaged;
        return new DocumentStore(options);
    }

    /// <summary>
    /// The set-up the application works with. It never changes the schema (the application login may not): the
    /// owner login brings it up to date first (<see cref="ConfigureMigrations"/>, <see cref="CaseStore.OpenAsync(DatabaseLogins, string, CancellationToken)"/>).
    /// </summary>
    /// <param name="flows">The case read models' projection, which the async daemon runs.</param>
    public static StoreOptions Configure(StoreOptions options, string connectionString, string schema, CaseFlowsProjection flows)
    {
        ConfigureShape(options, connectionString, schema);
        options.AutoCreateSchemaObjects = AutoCreate.None;

        // The projection follows the recording notices alone; the daemon then never loads the facts themselves.
        var following = new ProjectionWrapper<IDocumentOperations, IQuerySession>(flows, ProjectionLifecycle.Async)
        {
            Name = CaseFlowsProjection.Name,
        };
        following.IncludeType<CaseFactsRecorded>();
        options.Projections.Add(following, ProjectionLifecycle.Async);
        return options;
    }

    /// <summary>The same set-up for the owner login, which creates and updates the schema's tables and functions.</summary>
    public static StoreOptions ConfigureMigrations(StoreOptions options, string connectionString, string schema)
    {
        ConfigureShape(options, connectionString, schema);
        options.AutoCreateSchemaObjects = AutoCreate.CreateOrUpdate;
        return options;
    }

    private static void ConfigureShape(StoreOptions options, string connectionString, string schema)
    {
        options.Connection(connectionString);
        options.DatabaseSchemaName = schema;
        options.Events.DatabaseSchemaName = schema;
        options.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase, EvidenceJson.Configure);

        options.Events.StreamIdentity = StreamIdentity.AsString;
        options.Events.AppendMode = EventAppendMode.Quick;
        options.Events.UseMandatoryStreamTypeDeclaration = true;
        options.Events.MetadataConfig.HeadersEnabled = true;
        options.Events.MetadataConfig.CorrelationIdEnabled = true;
        options.Events.MetadataConfig.UserNameEnabled = true;
        options.Events.IgnoreIndex(FactIdIndex.Name);
        options.Events.AddEventTypes(EvidenceTypes.All);
        options.Events.AddEventType<CaseFactsRecorded>();
        // The read model changed shape when the reports moved to their own table; a new name makes every case stale.
        options.Schema.For<CaseFlows>().DocumentAlias("case_flows_v2");
        options.Schema.For<MerchantTotals>();
        options.Schema.For<CaseRefusal>();
        StoredReports.Configure(options, schema);
        Access.AccessStore.Configure(options);
    }
}
