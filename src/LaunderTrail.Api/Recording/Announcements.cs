using LaunderTrail.Import;
using LaunderTrail.Storage;
using Marten;
using Npgsql;
using Wolverine;

namespace LaunderTrail.Api.Recording;

/// <summary>
/// Announces, in the caller's Marten session, the recorded facts not yet announced: for each case whose stream version
/// is past its <see cref="RecordedFactsAnnounced"/> mark, the mark moves to the version and a <see cref="FactsRecorded"/>
/// goes out. Both are written when Wolverine commits the session (its outbox), so neither is without the other. The
/// versions are read in the session's transaction, so facts written in it (a recording) are announced with them.
/// </summary>
internal static class Announcements
{
    /// <summary>
    /// What follows a recording in the session's transaction: the announcement of the cases it wrote to. The facts were
    /// written on the session's connection, outside Marten's unit of work, and Marten commits only a session that has
    /// work of its own; so whenever facts were written the session is given some, and Wolverine's commit keeps them even
    /// should no mark move (a mark ahead of its case, say).
    /// </summary>
    public static Task<OutgoingMessages> AfterRecordingAsync(IDocumentSession session, CaseStore store, ImportSummary recorded,
        CancellationToken ct)
    {
        if (recorded.Recorded > 0) session.QueueSqlCommand("select 'facts recorded in this transaction'");
        return UnannouncedAsync(session, store, recorded.Cases, ct);
    }

    /// <param name="cases">The cases to look at; null for every case.</param>
    public static async Task<OutgoingMessages> UnannouncedAsync(IDocumentSession session, CaseStore store,
        IReadOnlyCollection<string>? cases, CancellationToken ct)
    {
        var versions = await VersionsAsync(session, store.Schema, cases, ct);
        var marks = (await session.LoadManyAsync<RecordedFactsAnnounced>(ct, versions.Keys))
            .ToDictionary(m => m.Id, m => m.Version, StringComparer.Ordinal);
        var messages = new OutgoingMessages();
        foreach (var (@case, version) in versions)
        {
            var announced = marks.GetValueOrDefault(@case);
            if (version <= announced) continue;
            session.Store(new RecordedFactsAnnounced { Id = @case, Version = version });
            messages.Add(new FactsRecorded(@case, announced + 1, version));
        }

        return messages;
    }

    private static async Task<SortedDictionary<string, long>> VersionsAsync(IDocumentSession session, string schema,
        IReadOnlyCollection<string>? cases, CancellationToken ct)
    {
        await session.BeginTransactionAsync(ct);
        await using var command = new NpgsqlCommand(
            $"select id, version from {schema}.mt_streams where type = 'case_file'" + (cases is null ? "" : " and id = any($1)"),
            session.Connection);
        if (cases is not null) command.Parameters.AddWithValue(cases.ToArray());
        await using var reader = await command.ExecuteReaderAsync(ct);
        var versions = new SortedDictionary<string, long>(StringComparer.Ordinal);
        while (await reader.ReadAsync(ct))
            versions[reader.GetString(0)] = reader.GetInt64(1);
        return versions;
    }
}
