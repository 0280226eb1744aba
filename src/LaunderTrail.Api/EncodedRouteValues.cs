using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;

namespace LaunderTrail.Api;

/// <summary>
/// Route values decoded whole from the request line. The server decodes every percent-escape of the path but
/// <c>%2F</c>, so that an encoded slash does not split a segment; a case number with a slash (<c>SQ/2019/515</c>, sent
/// as <c>SQ%2F2019%2F515</c>) would otherwise reach the endpoint as <c>SQ%2F2019%2F515</c>, and a case number with the
/// text <c>%2F</c> could not be told from it. Each parameter that is a whole segment of the route is therefore taken
/// again from the raw request target and decoded once, completely (UTF-8).
/// </summary>
internal sealed class EncodedRouteValues(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint() is RouteEndpoint endpoint &&
            context.Features.Get<IHttpRequestFeature>()?.RawTarget is { } target && target.StartsWith('/') &&
            !context.Request.PathBase.HasValue)
        {
            var end = target.IndexOfAny(['?', '#']);
            var rawSegments = (end < 0 ? target : target[..end]).Split('/');
            var pattern = endpoint.RoutePattern.PathSegments;
            if (rawSegments.Length == pattern.Count + 1)
            {
                for (var i = 0; i < pattern.Count; i++)
                {
                    if (pattern[i] is { IsSimple: true, Parts: [RoutePatternParameterPart { IsCatchAll: false } parameter] })
                        context.Request.RouteValues[parameter.Name] = Uri.UnescapeDataString(rawSegments[i + 1]);
                }
            }
        }

        return next(context);
    }
}
