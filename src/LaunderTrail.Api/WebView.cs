using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.FileProviders;

namespace LaunderTrail.Api;

/// <summary>
/// The browser view (src/LaunderTrail.Web, built to static files): its files, and its page for every address
/// that is not an API route (`/`, `/cases/{case}`), so the single-page app can route itself.
/// </summary>
public static class WebView
{
    public const string RootVariable = "LAUNDERTRAIL_WEB_ROOT";

    public static void Map(WebApplication app, string? webRoot)
    {
        if (webRoot is null || !File.Exists(Path.Combine(webRoot, "index.html"))) return;
        var files = new StaticFileOptions { FileProvider = new PhysicalFileProvider(Path.GetFullPath(webRoot)) };
        app.UseStaticFiles(files);
        app.MapFallbackToFile("index.html", files);
    }

    /// <summary>$LAUNDERTRAIL_WEB_ROOT, else the built view of the checkout LaunderTrail runs from, if any.</summary>
    public static string? FindRoot()
    {
        if (Environment.GetEnvironmentVariable(RootVariable) is { Length: > 0 } configured) return configured;
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "src", "LaunderTrail.Web", "dist");
                if (File.Exists(Path.Combine(candidate, "index.html"))) return candidate;
            }
        }

        return null;
    }
}
