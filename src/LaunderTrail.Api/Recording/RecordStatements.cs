using LaunderTrail.Import.Statements;
using LaunderTrail.Storage;
using Marten;
using Wolverine;

namespace LaunderTrail.Api.Recording;

/// <summary>Record uploaded statements (and the alias tables given with them) in a case, by the key <paramref name="RecordedBy"/>.</summary>
public sealed record RecordStatements(string RecordedBy, IReadOnlyList<StatementFile> Statements,
    IReadOnlyList<StatementFile> Aliases, StatementOptions Options);

/// <summary>
/// Runs the statement import inside Wolverine's transaction, as <see cref="RecordFactsHandler"/> runs the importer: the
/// facts, the statements' records, the announcement's mark and its <see cref="FactsRecorded"/> messages commit together,
/// or none of them does.
/// </summary>
public static class RecordStatementsHandler
{
    public static async Task<(StatementImportOutcome, OutgoingMessages)> Handle(RecordStatements command, StatementImport import,
        IDocumentSession session, CaseStore store, CancellationToken ct)
    {
        var outcome = await import.RunAsync(command.Statements, command.Aliases, command.Options, command.RecordedBy,
            async token =>
            {
                await session.BeginTransactionAsync(token);
                return session.Connection!;
            }, ct);
        var announced = outcome.Accepted
            ? await Announcements.AfterRecordingAsync(session, store, outcome.Summary!, ct)
            : new OutgoingMessages();
        return (outcome, announced);
    }
}
