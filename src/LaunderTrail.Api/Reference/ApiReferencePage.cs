using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace LaunderTrail.Api.Reference;

/// <summary>
/// <c>GET /docs</c>: a self-contained page that renders <c>/openapi/v1.json</c> in the browser, with no script,
/// font or style from any other host, so the reference works on an offline investigation machine.
/// </summary>
internal static class ApiReferencePage
{
    private static readonly Lazy<byte[]> Html = new(() =>
    {
        using var resource = typeof(ApiReferencePage).Assembly.GetManifestResourceStream("api-reference.html")!;
        using var buffer = new MemoryStream();
        resource.CopyTo(buffer);
        return buffer.ToArray();
    });

    public static void Map(WebApplication app) =>
        app.MapGet("/docs", () => Results.Bytes(Html.Value, "text/html; charset=utf-8")).ExcludeFromDescription();
}
