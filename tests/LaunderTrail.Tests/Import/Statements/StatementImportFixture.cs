using LaunderTrail.Cases;
using LaunderTrail.Import.Statements;
using LaunderTrail.Tests.Support;

namespace LaunderTrail.Tests.Import.Statements;

/// <summary>
/// A schema of its own, sample statement files that are deleted afterwards, and the import of statements into the one
/// case <paramref name="case"/> at a fixed moment, as an investigator runs it.
/// </summary>
public abstract class StatementImportFixture(PostgresServer server, string @case) : StoreFixture(server), IDisposable
{
    protected string Case { get; } = @case;

    protected StatementSamples Files { get; } = new();

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        Files.Dispose();
        GC.SuppressFinalize(this);
    }

    protected Task<StatementImportOutcome> Import(StatementOptions options, bool dryRun, params string[] paths) =>
        new StatementImport(Store, FixedClock.At("2026-12-01T10:00:00Z"))
            .RunAsync(paths.Select(StatementFile.OnDisk).ToList(), [], options, "investigator-1", dryRun, Ct);

    /// <returns>The case's recorded facts, in recording order.</returns>
    protected async Task<List<RecordedFact>> Recorded()
    {
        var facts = new List<RecordedFact>();
        await foreach (var fact in new CaseHistory(Store).ReadAsync(Case, ct: Ct)) facts.Add(fact);
        return facts;
    }

    protected static void Accepted(StatementImportOutcome outcome) =>
        Assert.True(outcome.Accepted, string.Join("\n", outcome.Errors));
}
