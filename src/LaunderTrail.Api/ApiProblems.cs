using Microsoft.AspNetCore.Http;

namespace LaunderTrail.Api;

/// <summary>RFC 9457 problem details (application/problem+json) for the API's refusals.</summary>
internal static class ApiProblems
{
    public static IResult Of(int status, string title, string detail, IDictionary<string, object?>? extensions = null) =>
        Results.Problem(statusCode: status, title: title, detail: detail, extensions: extensions);

    public static IResult NoFacts(string @case) =>
        Of(StatusCodes.Status404NotFound, "No such case", $"case '{@case}' has no recorded facts");
}
