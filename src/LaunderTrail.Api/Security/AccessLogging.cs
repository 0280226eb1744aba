using System.Security.Claims;
using LaunderTrail.Access;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LaunderTrail.Api.Security;

/// <summary>
/// Records every authorised request that names a case in the case's access log before the endpoint runs, so
/// no read or write of a case goes untraced, whatever it then answers.
/// </summary>
internal sealed class AccessLogging(RequestDelegate next, AccessLog log, TimeProvider clock)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint() is RouteEndpoint endpoint && context.GetRouteValue("caseNumber") is string caseNumber &&
            context.User.Identity is { IsAuthenticated: true, Name: { } keyName })
        {
            var parameters = new SortedDictionary<string, string>(StringComparer.Ordinal);
            foreach (var (name, value) in context.Request.RouteValues)
                if (name != "caseNumber" && value is not null) parameters[name] = value.ToString() ?? "";
            foreach (var (name, value) in context.Request.Query) parameters[name] = value.ToString();

            var access = new CaseAccessed(caseNumber, keyName, context.User.FindFirstValue(ClaimTypes.Role) ?? "",
                $"{context.Request.Method} {endpoint.RoutePattern.RawText}", parameters, clock.GetUtcNow());
            await log.RecordAsync(access, context.RequestAborted);
        }

        await next(context);
    }
}
