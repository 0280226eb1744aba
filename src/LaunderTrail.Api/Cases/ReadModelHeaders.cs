using System.Globalization;
using LaunderTrail.Flows;
using Microsoft.AspNetCore.Http;

namespace LaunderTrail.Api.Cases;

/// <summary>
/// The headers of an answer read from the read models: the case's last recorded fact and the last one the answer
/// reflects (<see cref="CaseStatus"/>). Traced behind recorded means newer facts are still being traced.
/// </summary>
public static class ReadModelHeaders
{
    public const string Recorded = "LaunderTrail-Recorded";
    public const string Traced = "LaunderTrail-Traced";

    public static void Add(HttpResponse response, CaseStatus status)
    {
        response.Headers[Recorded] = status.Recorded.ToString(CultureInfo.InvariantCulture);
        response.Headers[Traced] = status.Traced.ToString(CultureInfo.InvariantCulture);
    }
}
