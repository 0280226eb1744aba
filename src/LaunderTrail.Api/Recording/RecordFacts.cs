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
/// Runs the importer (its own transaction, all or nothing), then, in Wolverine's transaction with its Marten outbox,
/// announces what the case now holds beyond what was announced (<see cref="Announcements"/>). The two transactions
/// are not one: docs/architecture.md says what a crash between them leaves and how the start of the API makes it good.
/// </summary>
public static class RecordFactsHandler
{
    public static async Task<(ImportOutcome, OutgoingMessages)> Handle(RecordFacts command, EvidenceImporter importer,
        IDocumentSession session, CaseStore store, CancellationToken ct)
    {
        var outcome = await importer.ImportAsync(command.Batch.Source, command.RecordedBy, ct: ct);
        var announced = outcome.Accepted
            ? await Announcements.UnannouncedAsync(session, store, [command.Case], ct)
            : new OutgoingMessages();
        return (outcome, announced);
    }
}
