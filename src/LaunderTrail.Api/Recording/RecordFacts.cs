using FluentValidation;
using FluentValidation.Results;
using LaunderTrail.Api.Cases;
using LaunderTrail.Import;
using LaunderTrail.Storage;
using Marten;
using Wolverine;

namespace LaunderTrail.Api.Recording;

/// <summary>Record a posted batch of facts in its case, by the key <paramref name="RecordedBy"/>.</summary>
public sealed record RecordFacts(string Case, string RecordedBy, EventBatch Batch);

/// <summary>
/// A batch is recorded only when every fact in it is valid on its own and names the case it is posted to; each
/// failure carries its <see cref="BatchError"/> (element or line, field, why) as its state.
/// </summary>
public sealed class RecordFactsValidator : AbstractValidator<RecordFacts>
{
    public RecordFactsValidator()
    {
        RuleFor(c => c.Case).NotEmpty();
        RuleFor(c => c.RecordedBy).NotEmpty();
        RuleFor(c => c.Batch).CustomAsync(async (batch, context, ct) =>
        {
            foreach (var error in await batch.CheckAsync(context.InstanceToValidate.Case, ct))
                context.AddFailure(new ValidationFailure(error.Field, error.Reason) { CustomState = error });
        });
    }

    /// <summary>The failures as the API reports them.</summary>
    public static IReadOnlyList<BatchError> ErrorsOf(ValidationResult result) =>
        result.Errors.Select(f => f.CustomState as BatchError ?? new BatchError(0, f.PropertyName, f.ErrorMessage)).ToList();
}

/// <summary>
/// Runs the importer inside Wolverine's transaction (the Marten session's, begun here), then announces in the same
/// transaction what the case now holds beyond what was announced (<see cref="Announcements"/>): the facts, the mark and
/// the <see cref="FactsRecorded"/> message in Wolverine's outbox commit together when Wolverine saves the session, or
/// none of them does. A refused batch leaves nothing of the import in the transaction.
/// </summary>
public static class RecordFactsHandler
{
    public static async Task<(ImportOutcome, OutgoingMessages)> Handle(RecordFacts command, EvidenceImporter importer,
        IDocumentSession session, CaseStore store, CancellationToken ct)
    {
        await session.BeginTransactionAsync(ct);
        var outcome = await importer.ImportAsync(command.Batch.Source, command.RecordedBy, session.Connection!, ct);
        var announced = outcome.Accepted
            ? await Announcements.AfterRecordingAsync(session, store, outcome.Summary, ct)
            : new OutgoingMessages();
        return (outcome, announced);
    }
}
