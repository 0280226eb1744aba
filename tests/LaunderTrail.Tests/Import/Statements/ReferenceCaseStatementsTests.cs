using LaunderTrail.Tests.Support;
using LaunderTrail.Tests.Generation;

namespace LaunderTrail.Tests.Import.Statements;

/// <summary>
/// The end-to-end proof of statement import: the 5·15 reference case written as the statements its banks and payment
/// platforms would have returned (<c>generate --statements</c>), imported as a folder into a case of its own, gives
/// the very flow report the reference case's JSON Lines give, under every rule.
/// </summary>
public sealed class ReferenceCaseStatementsTests(PostgresServer server) : StoreFixture(server), IDisposable
{
    private const string Reference = "SQ-2019-515";
    private const string FromStatements = "SQ-2019-515-S";
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "lt-e2e-statements-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task The_reference_case_imported_from_its_statements_gives_the_reference_report_under_every_rule()
    {
        Assert.Equal(0, (await RunCommandAsync("generate", "--statements", _folder, "--case", FromStatements)).ExitCode);
        var reference = await RunCommandAsync("import", Path.Combine(RepositoryRoot.Path, "samples", "case-515", "case-515.jsonl"));
        var statements = await RunCommandAsync("import", _folder, "--case", FromStatements);

        Assert.True(reference.ExitCode == 0, reference.Errors);
        Assert.True(statements.ExitCode == 0, statements.Errors);
        foreach (var rule in new[] { "fifo", "pro-rata", "libr" })
        {
            var expected = await RunCommandAsync("flows", "--case", Reference, "--json", "--rule", rule);
            var actual = await RunCommandAsync("flows", "--case", FromStatements, "--json", "--rule", rule);
            Assert.Equal(expected.Output.Replace($"\"{Reference}\"", $"\"{FromStatements}\""), actual.Output);
        }
    }
}
