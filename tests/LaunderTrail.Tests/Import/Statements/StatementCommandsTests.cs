using System.Text.Json;
using LaunderTrail.Tests.Support;

namespace LaunderTrail.Tests.Import.Statements;

public sealed class StatementCommandsTests(PostgresServer server) : StoreFixture(server), IDisposable
{
    private readonly StatementSamples _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task A_folder_of_statements_is_imported_whole_and_listed_with_its_reconciliation()
    {
        _files.ZhengBank();
        _files.WangBank();
        _files.Write("aliases.csv", new System.Text.UTF8Encoding(false), "shown,account", "6228****5678,acc-li");

        var dryRun = await RunCommandAsync("import", _files.Folder, "--case", "SQ-C-1", "--dry-run");
        var countAfterDryRun = await ScalarAsync("select count(*) from {schema}.mt_events where stream_id = 'SQ-C-1'");
        var import = await RunCommandAsync("import", _files.Folder, "--case", "SQ-C-1");
        var listed = await RunCommandAsync("statements", "--case", "SQ-C-1", "--json");
        var table = await RunCommandAsync("statements", "--case", "SQ-C-1");

        Assert.Equal(0, dryRun.ExitCode);
        Assert.Equal(6, dryRun.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains("\"to\":\"acc-li\"", dryRun.Output);
        Assert.Equal(0, countAfterDryRun);
        Assert.Equal(0, import.ExitCode);
        Assert.Equal(6, await ScalarAsync("select count(*) from {schema}.mt_events where stream_id = 'SQ-C-1'"));
        using var json = JsonDocument.Parse(listed.Output);
        Assert.Equal(["wang-bank.csv", "zheng-bank.csv"], json.RootElement.EnumerateArray().Select(s => s.GetProperty("file").GetString()));
        Assert.True(json.RootElement[1].GetProperty("reconciles").GetBoolean());
        Assert.Contains("zheng-bank.csv", table.Output);
    }

    [Fact]
    public async Task A_bad_row_is_named_file_row_and_column_the_exit_code_is_65_and_nothing_is_written()
    {
        var bad = _files.Write("bad.csv", StatementSamples.Gb18030, StatementSamples.CnBankHeader,
            "6222020000001234\t,郑䶮,2019-04-29 09:00:00,\"12,34.00\",1000.00,进,6228000000000001\t,郑䶮,存入,B1\t,成功,");

        var result = await RunCommandAsync("import", bad, _files.ZhengBank(), "--case", "SQ-C-2");

        Assert.Equal(65, result.ExitCode);
        Assert.Contains($"{bad}:2: 交易金额: '12,34.00' is not an amount", result.Errors);
        Assert.Contains("1 error(s) in 2 files; nothing was written.", result.Errors);
        Assert.Equal(0, await ScalarAsync("select count(*) from {schema}.mt_events where stream_id not like 'recorded:%'"));
    }
}
