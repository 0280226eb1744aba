using System.Text;
using LaunderTrail.Evidence;
using LaunderTrail.Import;
using LaunderTrail.Import.Statements;
using LaunderTrail.Tests.Support;

namespace LaunderTrail.Tests.Import.Statements;

/// <summary>
/// Statements in Excel 97-2003 workbooks (.xls, BIFF8), written by NPOI as Excel writes them: text cells, number
/// cells and date cells, read through ExcelDataReader like any other statement.
/// </summary>
public sealed class ImportingXlsStatementsTests(PostgresServer server) : StatementImportFixture(server, "SQ-X-1")
{
    [Fact]
    public async Task A_wechat_bill_saved_as_xls_records_the_facts_its_csv_gives_each_citing_its_sheet_and_row()
    {
        var xls = Files.Path("wechat.xls");
        XlsWorkbook.Write(xls, "账单", StatementSamples.WechatBillRows.Select(r => r.Cast<object?>().ToArray()));
        var csv = Files.Write("wechat.csv", new UTF8Encoding(true),
            StatementSamples.WechatBillRows.Select(r => string.Join(",", r.Select(c => c.Contains(',') ? $"\"{c}\"" : c))).ToArray());
        var options = new StatementOptions { Case = Case, Account = "acc-zheng-wechat" };

        var fromCsv = await Import(options, dryRun: true, csv);
        var outcome = await Import(options, dryRun: false, xls);

        Accepted(outcome);
        Accepted(fromCsv);
        var facts = (await Recorded()).Select(f => f.Fact).ToList();
        var transfers = facts.OfType<FundsTransferred>().ToList();
        Assert.Equal(
            [
                "wechat:acc-zheng-wechat:1000050001201904290001 acc-zheng-wechat -> 王䶮 28.16 wechat.xls sheet 账单 row 6",
                "wechat:acc-zheng-wechat:1000050001201904290002 李某 -> acc-zheng-wechat 1200 wechat.xls sheet 账单 row 7",
            ],
            transfers.Select(t => $"{t.Id} {t.From} -> {t.To} {t.Amount} {t.Source}"));
        var csvTransfers = fromCsv.DryRunLines!.Select(l => FactParser.Parse(new SourceLine(1, l, 0, FromStatement: true)).Fact)
            .OfType<FundsTransferred>();
        Assert.Equal(csvTransfers.Select(t => (t.Id, t.From, t.To, t.Amount, t.At, t.Channel)),
            transfers.Select(t => (t.Id, t.From, t.To, t.Amount, t.At, t.Channel)));
        var statement = facts.OfType<StatementImported>().Single();
        Assert.Equal(("wechat", 2, 2), (statement.Profile, statement.RowsUsed, statement.RowsSkipped));
        Assert.Equal(2, outcome.Summary!.Recorded - facts.Count(f => f is not FundsTransferred));
    }

    [Fact]
    public async Task A_bank_statement_in_xls_with_number_and_date_cells_is_read_through_a_mapping()
    {
        var xls = Files.Path("western-bank.xls");
        XlsWorkbook.Write(xls, "Statement",
            [
                ["Statement of account 20-00-00 12345678", null, null, null, null, null],
                ["Date", "Description", "Payee account", "Debit", "Credit", "Balance"],
                [new DateTime(2019, 5, 2), "TRANSFER TO J SMITH", 6222020000001234L, 100.00m, null, 900.00m],
                [new DateTime(2019, 5, 3, 14, 30, 0), "SALARY ACME LTD", null, null, 2000.50m, 2900.50m],
                [new DateTime(2019, 5, 4), "CARD PAYMENT", null, 0.10m, null, 2900.40m],
            ],
            dateFormat: "dd/mm/yyyy");
        var (mapping, problem) = MappingFile.Parse("""
            { "time": "Date", "timeFormat": "dd/MM/yyyy", "debit": "Debit", "credit": "Credit", "balance": "Balance",
              "counterpartyAccount": "Payee account", "counterpartyName": "Description", "timeZone": "+01:00" }
            """);
        Assert.Null(problem);

        var outcome = await Import(new StatementOptions { Case = Case, Account = "acc-gb-1", Profile = "mapping", Mapping = mapping },
            dryRun: false, xls);

        Accepted(outcome);
        var facts = (await Recorded()).Select(f => f.Fact).ToList();
        Assert.Equal(
            [
                "acc-gb-1 -> 6222020000001234 100 2019-05-02T00:00:00+01:00 western-bank.xls sheet Statement row 3",
                "SALARY ACME LTD -> acc-gb-1 2000.5 2019-05-03T14:30:00+01:00 western-bank.xls sheet Statement row 4",
                "acc-gb-1 -> CARD PAYMENT 0.1 2019-05-04T00:00:00+01:00 western-bank.xls sheet Statement row 5",
            ],
            facts.OfType<FundsTransferred>().Select(t => $"{t.From} -> {t.To} {t.Amount} {InstantWithOffsetConverter.Render(t.At)} {t.Source}"));
        Assert.True(facts.OfType<StatementImported>().Single().Reconciles);
    }

    [Fact]
    public async Task A_bad_row_in_an_xls_statement_is_named_file_row_and_column_the_exit_code_is_65_and_nothing_is_written()
    {
        var rows = StatementSamples.WechatBillRows;
        rows[5][5] = "¥28.1.6";
        rows[6][0] = "2019-04-31 15:00:00";
        rows[8][4] = "转";
        var bad = Files.Path("bad-wechat.xls");
        XlsWorkbook.Write(bad, "账单", rows.Select(r => r.Cast<object?>().ToArray()));

        var result = await RunCommandAsync("import", bad, Files.ZhengBank(), "--case", Case, "--account", "acc-zheng-wechat");

        Assert.Equal(65, result.ExitCode);
        Assert.Equal(
            [
                $"{bad}:6: 账单!金额(元): '¥28.1.6' is not an amount",
                $"{bad}:7: 账单!交易时间: '2019-04-31 15:00:00' is not a time (e.g. 2019-04-29 10:05:00)",
                $"{bad}:9: 账单!收/支: '转' is not a direction (进/出, 收入/支出, 借/贷, Dr/Cr)",
                "3 error(s) in 2 files; nothing was written.",
            ],
            result.Errors.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.Equal(0, await ScalarAsync("select count(*) from {schema}.mt_events where stream_id not like 'recorded:%'"));
    }
}
