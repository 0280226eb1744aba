using System.Security.Claims;
using LaunderTrail.Access;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LaunderTrail.Api.Security;

/// <summary>
/// Records every authorised request that names a case in the case's access log before the endpoint runs, so
/// no read or write of a case goes untraced, whatever it then answers. Endpoints that show several cases' figures at
/// once record them with <see cref="RecordFiguresShownAsync"/> before they answer.
/// </summary>
internal sealed class AccessLogging(RequestDelegate next, AccessLog log, TimeProvider clock)
{
    private const string CaseParameter = "caseNumber";

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.GetRouteValue(CaseParameter) is string caseNumber && Describe(context) is { } request)
        {
            var access = new CaseAccessed(caseNumber, request.KeyName, request.Role, request.Endpoint, request.Parameters,
                clock.GetUtcNow());
            await log.RecordAsync(access, context.RequestAborted);
        }

        await next(context);
    }

    /// <summary>
    /// Records in the list access log that this request is about to be shown the figures of <paramref name="cases"/>;
    /// nothing when it shows none.
    /// </summary>
    public static async Task RecordFiguresShownAsync(HttpContext context, AccessLog log, TimeProvider clock,
        IEnumerable<string> cases, CancellationToken ct)
    {
        var shown = cases.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (shown.Count == 0) return;
        var request = Describe(context) ?? throw new InvalidOperationException("figures are shown only to an authenticated key");
        await log.RecordAsync(new CaseFiguresShown(request.KeyName, request.Role, request.Endpoint, request.Parameters, shown,
            clock.GetUtcNow()), ct);
    }

    private sealed record Request(string KeyName, string Role, string Endpoint, SortedDictionary<string, string> Parameters);

    /// <summary>Who asks, through which endpoint, with which parameters (route values but the case number, then the query).</summary>
    private static Request? Describe(HttpContext context)
    {
        if (context.GetEndpoint() is not RouteEndpoint endpoint ||
            context.User.Identity is not { IsAuthenticated: true, Name: { } keyName }) return null;
        var parameters = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in context.Request.RouteValues)
            if (name != CaseParameter && value is not null) parameters[name] = value.ToString() ?? "";
        foreach (var (name, value) in context.Request.Query) parameters[name] = value.ToString();
        return new Request(keyName, context.User.FindFirstValue(ClaimTypes.Role) ?? "",
            $"{context.Request.Method} {endpoint.RoutePattern.RawText}", parameters);
    }
}
