using LaunderTrail.Flows;
using Microsoft.AspNetCore.Http;

namespace LaunderTrail.Api.Cases;

/// <summary>
/// A flow report or flow graph as the interchange format writes it, byte for byte: about the case as it stands, what the
/// read models stored, with the headers that say how far it reflects the recorded facts (<see cref="ReadModelHeaders"/>);
/// about another moment, the replay traced from the checked events.
/// </summary>
internal static class WrittenFlows
{
    public static async Task<IResult> AnswerAsync(FlowQueries queries, string @case, FlowQuestion question, StoredForm form,
        HttpContext context, CancellationToken ct)
    {
        if (question.IsReplay)
        {
            var replay = form == StoredForm.Graph
                ? await queries.OpenGraphJsonAsync(@case, question.TracingRule, question.AsOfMoment, question.KnownAtMoment, ct)
                : await queries.OpenReportJsonAsync(@case, question.TracingRule, question.AsOfMoment, question.KnownAtMoment, ct);
            return replay is null ? ApiProblems.NoFacts(@case) : Results.Stream(replay, "application/json");
        }

        if (await queries.OpenStoredAsync(@case, question.TracingRule, form, question.Patience, ct) is not { } stored)
            return ApiProblems.NoFacts(@case);
        ReadModelHeaders.Add(context.Response, stored.Status);
        return Results.Stream(stored.Value, "application/json");
    }
}
