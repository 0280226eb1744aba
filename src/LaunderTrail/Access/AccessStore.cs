using Marten;

namespace LaunderTrail.Access;

/// <summary>The Marten set-up of API access: key documents and the access events, beside the evidence.</summary>
public static class AccessStore
{
    public static void Configure(StoreOptions options)
    {
        options.Events.AddEventType<CaseAccessed>();
        options.Events.AddEventType<CaseFiguresShown>();
        options.Schema.For<ApiKey>().Index(k => k.Name);
    }
}
