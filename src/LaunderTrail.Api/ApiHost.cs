using LaunderTrail.Access;
using LaunderTrail.Api.Reference;
using LaunderTrail.Api.Security;
using LaunderTrail.Storage;
using Marten;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;

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

        builder.Services.AddMarten(options => EvidenceStore.Configure(options, store.ConnectionString, store.Schema))
            .IntegrateWithWolverine(integration => integration.MessageStorageSchemaName = store.Schema);
        builder.Host.UseWolverine(options =>
        {
            options.ApplicationAssembly = typeof(ApiHost).Assembly;
            options.UseRuntimeCompilation();
            options.Durability.Mode = DurabilityMode.Solo;
        });
        builder.Services.AddWolverineHttp();

        builder.Services.AddAuthentication(ApiKeyAuthentication.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthentication>(ApiKeyAuthentication.SchemeName, null);
        builder.Services.AddAuthorization();
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<ReadFailures>();
        builder.Services.AddOpenApi();
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
