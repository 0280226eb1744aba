using LaunderTrail.Storage;
using LaunderTrail.Tests.Support;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace LaunderTrail.Tests.Api;

public sealed class OneStorePerProcessTests(PostgresServer server) : ApiFixture(server)
{
    [Fact]
    public void The_case_store_of_the_endpoints_is_built_on_the_one_marten_store_wolverine_uses()
    {
        var marten = Host.Services.GetRequiredService<IDocumentStore>();

        var caseStore = Host.Services.GetRequiredService<CaseStore>();

        Assert.Same(marten, caseStore.Documents);
        Assert.NotSame(Store, caseStore);
    }
}
