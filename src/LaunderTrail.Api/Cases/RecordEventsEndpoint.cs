using FluentValidation;
using LaunderTrail.Api.Recording;
using LaunderTrail.Api.Security;
using LaunderTrail.Import;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Wolverine;
using Wolverine.Http;

namespace LaunderTrail.Api.Cases;

/// <summary>What a recorded batch did, per fact type too: newly recorded and already recorded (skipped).</summary>
public sealed record RecordedBatch(string Batch, long Facts, long Recorded, long AlreadyRecorded, long RepeatedInBatch,
    IReadOnlyDictionary<string, RecordedCounts> ByType);

public sealed record RecordedCounts(long Recorded, long AlreadyRecorded);

/// <summary>
/// <c>POST /cases/{caseNumber}/events</c>: the body becomes a <see cref="RecordFacts"/> command, checked by its
/// validator and handled by Wolverine (<see cref="RecordFactsHandler"/>: the importer of <c>laundertrail import</c>, so
/// the same checks, all or nothing, idempotent, then the announcement through the outbox); every error comes back at
/// once as problem details.
/// </summary>
public static class RecordEventsEndpoint
{
    [WolverinePost("/cases/{caseNumber}/events")]
    [Authorize(Roles = Allowed.Writers)]
    public static async Task<IResult> Post(string caseNumber, HttpRequest request, IValidator<RecordFacts> validator,
        IMessageBus bus, CancellationToken ct)
    {
        var (batch, unreadable) = await EventBatch.ReadAsync(request, caseNumber, ct);
        if (batch is null) return unreadable!;

        var command = new RecordFacts(caseNumber, request.HttpContext.User.Identity!.Name!, batch);
        var checkedCommand = await validator.ValidateAsync(command, ct);
        var errors = RecordFactsValidator.ErrorsOf(checkedCommand);
        if (errors.Count == 0)
        {
            var outcome = await bus.InvokeAsync<ImportOutcome>(command, ct);
            if (outcome.Accepted) return Results.Json(Summary(outcome.Summary));
            errors = outcome.Errors.Select(batch.ErrorOf).ToList();
        }

        return ApiProblems.Of(StatusCodes.Status422UnprocessableEntity, "The facts were not recorded",
            $"{errors.Count} error(s); nothing was written.",
            new Dictionary<string, object?> { ["index"] = batch.IndexBase, ["errors"] = errors });
    }

    private static RecordedBatch Summary(ImportSummary summary) => new(summary.Batch, summary.Lines, summary.Recorded,
        summary.AlreadyRecorded, summary.RepeatedInSource,
        summary.ByType.ToDictionary(t => t.Key, t => new RecordedCounts(t.Value.Recorded, t.Value.AlreadyRecorded)));
}
