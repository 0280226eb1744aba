using LaunderTrail.Flows;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace LaunderTrail.Api;

/// <summary>
/// An unexpected failure becomes RFC 9457 problem details, never a bare 500: for a request about one case, a problem
/// naming that case and why (<see cref="UnreadableCase.ReasonOf"/>), so the other cases read on as before. The
/// exception itself goes to the server log only. A case not traced yet is no failure: 503 with Retry-After.
/// </summary>
internal sealed class ReadFailures(ILogger<ReadFailures> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception failure, CancellationToken ct)
    {
        if (context.Response.HasStarted) return false;
        if (failure is UntracedCaseException untraced)
        {
            // Not a failure: the projection has still to trace the case. Asking again, or waiting (?wait=), answers.
            context.Response.Headers.RetryAfter = "1";
            await ApiProblems.Of(StatusCodes.Status503ServiceUnavailable, "The case is being traced",
                $"case '{untraced.Case}': its {untraced.Recorded} recorded facts are still being traced; ask again, " +
                "or add ?wait=SECONDS to wait for them", new Dictionary<string, object?> { ["case"] = untraced.Case, ["recorded"] = untraced.Recorded })
                .ExecuteAsync(context);
            return true;
        }

        // The exception handler clears the route values before it runs; the feature keeps those of the failed request.
        var @case = context.Features.Get<IExceptionHandlerFeature>()?.RouteValues?["caseNumber"] as string;
        logger.LogError(failure, "{Method} {Path} failed (case {Case})", context.Request.Method, context.Request.Path, @case);

        var problem = @case is null
            ? ApiProblems.Of(StatusCodes.Status500InternalServerError, "The request failed",
                "the server could not answer; the server log has the details")
            : ApiProblems.Of(StatusCodes.Status500InternalServerError, "The case cannot be read",
                $"case '{@case}': {UnreadableCase.ReasonOf(failure)}", new Dictionary<string, object?> { ["case"] = @case });
        await problem.ExecuteAsync(context);
        return true;
    }
}
