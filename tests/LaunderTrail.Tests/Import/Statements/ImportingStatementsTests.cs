using System.Text;
using LaunderTrail.Cases;
using LaunderTrail.Court;
using LaunderTrail.Evidence;
using LaunderTrail.Import;
using LaunderTrail.Import.Statements;
using LaunderTrail.Tests.Support;
using LaunderTrail.Tracing;
using MiniExcelLibs;

namespace LaunderTrail.Tests.Import.Statements;

public sealed class ImportingStatementsTests(PostgresServer server) : StatementImportFixture(server, "SQ-S-1")
{
    private Task<StatementImportOutcome> Import(StatementOptions options, params string[] paths) =>
        Import(options, dryRun: false, paths);

    private StatementOptions Options(string? account = null, string? profile = null) =>
        new() { Case = Case, Account = account, Profile = profile };

    [Fact]
    public async Task A_repeat_with_other_content_and_a_later_bad_line_are_each_named_at_their_own_file_and_line()
    {
        var first = StatementFile.InMemory("first.jsonl", Encoding.UTF8.GetBytes(Lines.Join(Lines.Transfer("t-1", "zheng", "g-1", "100"))));
        // The bad line comes well after the repeat, past what the import reads ahead while it looks for the repeat's first line.
        var second = StatementFile.InMemory("second.jsonl", Encoding.UTF8.GetBytes(Lines.Join(
        [
            Lines.Transfer("t-1", "zheng", "g-1", "200"),
            .. Enumerable.Range(2, 2_000).Select(i => Lines.Transfer($"t-{i}", "zheng", "g-1", "100")),
            Lines.Transfer("t-2002", "zheng", "g-1", "0"),
        ])));

        var outcome = await new StatementImport(Store, FixedClock.At("2026-12-01T10:00:00Z"))
            .RunAsync([first, second], [], Options(), "investigator-1", dryRun: false, Ct);

        Assert.Equal(
            [
                "second.jsonl:1: id: 't-1' of case 'T-1' already stands at statement import:1 with other content",
                "second.jsonl:2002: amount: must be greater than 0",
            ],
            outcome.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public async Task A_bank_statement_in_GB18030_with_a_preamble_and_tab_padded_cells_becomes_one_transfer_per_completed_row()
    {
        var outcome = await Import(Options(), Files.ZhengBank());

        Accepted(outcome);
        var facts = await Recorded();
        var transfers = facts.Select(f => f.Fact).OfType<FundsTransferred>().ToList();
        Assert.Equal(
            [
                "bank:6222020000001234:SN0001 6228000000000001 -> 6222020000001234 100000 2019-04-29T09:00:00+08:00",
                "bank:6222020000001234:SN0002 6222020000001234 -> 6217000000009999 50000 2019-04-29T10:05:00+08:00",
                "bank:6222020000001234:SN0004 6222020000001234 -> 6228****5678 200 2019-04-30T09:00:00+08:00",
            ],
            transfers.Select(t => $"{t.Id} {t.From} -> {t.To} {t.Amount} {InstantWithOffsetConverter.Render(t.At)}"));
        var second = transfers[1];
        Assert.Equal(("bank", "zheng-bank.csv row 5"), (second.Channel, second.Source));
        Assert.Equal("交易户名: 郑䶮; 交易余额: 50,000.00; 交易对手账卡号: 6217000000009999; 对手户名: 王䶮; 摘要说明: 转账; 交易网点: 北京分行", second.Note);
        Assert.Equal("zheng-bank.csv:5", facts.Single(f => f.Fact.Id == second.Id).Origin);

        var statement = facts.Select(f => f.Fact).OfType<StatementImported>().Single();
        Assert.Equal(("zheng-bank.csv", "cn-bank", "郑䶮", 3, 1, true), (statement.File, statement.Profile, statement.Holder,
            statement.RowsUsed, statement.RowsSkipped, statement.Reconciles));
        Assert.Equal(["6222020000001234"], statement.Accounts);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(Files.Path("zheng-bank.csv")))),
            statement.Sha256);
        Assert.Equal(["6228****5678"], outcome.Report!.Unresolved);
        Assert.Equal(1, outcome.Report.Statements.Single().SkipReasons["not completed (失败)"]);
        Assert.Null(await StoredChainCheck.RunAsync(new CaseHistory(Store), Case, Ct));
    }

    [Fact]
    public async Task An_alipay_bill_is_read_after_its_preamble_with_its_trailing_commas_and_padded_cells()
    {
        var path = Files.Write("alipay.csv", StatementSamples.Gb18030,
            "支付宝交易记录明细查询",
            "姓名：郑䶮",
            "支付宝账户：zheng@example.com",
            "起始时间：[2019-04-01 00:00:00]    终止时间：[2019-05-01 00:00:00]",
            "---------------------------------交易记录明细列表------------------------------------",
            "交易时间  ,交易分类  ,交易对方  ,对方账号  ,商品说明  ,收/支  ,金额  ,收/付款方式  ,交易状态  ,交易订单号  ,商家订单号  ,备注  ,",
            "2019-04-29 12:00:00  ,转账红包  ,王䶮  ,wang***@163.com  ,转账  ,支出  ,\"1,000.00\"  ,余额  ,交易成功  ,2019042922001400001\t  ,  ,  ,",
            "2019-04-29 12:30:00  ,日用百货  ,某商户  ,shop@example.com  ,商品  ,支出  ,35.00  ,余额  ,交易关闭  ,2019042922001400002\t  ,T200  ,  ,",
            "2019-04-29 13:00:00  ,转账红包  ,郑䶮  ,zheng@example.com  ,提现  ,不计收支  ,10.00  ,余额  ,交易成功  ,2019042922001400003\t  ,  ,  ,",
            "2019-04-30 08:00:00  ,转账红包  ,李某  ,  ,收款  ,收入  ,88.00  ,余额  ,交易成功  ,2019042922001400004\t  ,  ,  ,",
            "------------------------------------------------------------------------------------",
            "导出时间：[2019-06-01 10:00:00]");

        var outcome = await Import(Options(account: "acc-zheng-alipay"), path);

        Accepted(outcome);
        var facts = (await Recorded()).Select(f => f.Fact).ToList();
        Assert.Equal(
            [
                "alipay:acc-zheng-alipay:2019042922001400001 acc-zheng-alipay -> wang***@163.com 1000 alipay",
                "alipay:acc-zheng-alipay:2019042922001400004 李某 -> acc-zheng-alipay 88 alipay",
            ],
            facts.OfType<FundsTransferred>().Select(t => $"{t.Id} {t.From} -> {t.To} {t.Amount} {t.Channel}"));
        var statement = facts.OfType<StatementImported>().Single();
        Assert.Equal(("alipay", "郑䶮", 2, 2, (bool?)null), (statement.Profile, statement.Holder, statement.RowsUsed, statement.RowsSkipped, statement.Reconciles));
        Assert.Equal(["wang***@163.com", "李某"], outcome.Report!.Unresolved);
    }

    [Fact]
    public async Task A_wechat_bill_is_read_from_csv_with_a_byte_order_mark_and_from_xlsx_alike()
    {
        var csv = Files.Write("wechat.csv", new UTF8Encoding(true),
            StatementSamples.WechatBillRows.Select(r => string.Join(",", r.Select(c => c.Contains(',') ? $"\"{c}\"" : c))).ToArray());
        var xlsx = Files.Path("wechat.xlsx");
        MiniExcel.SaveAs(xlsx, StatementSamples.WechatBillRows.Select(r => r.Select((c, i) => (Key: ((char)('A' + i)).ToString(), Value: (object)c))
            .ToDictionary(p => p.Key, p => p.Value)).ToList(), printHeader: false, sheetName: "账单");

        var fromCsv = await Import(Options(account: "acc-zheng-wechat"), dryRun: true, csv);
        var fromXlsx = await Import(Options(account: "acc-zheng-wechat"), dryRun: true, xlsx);

        Accepted(fromCsv);
        Accepted(fromXlsx);
        var csvFacts = fromCsv.DryRunLines!.Select(FactParser.Parse).Where(p => p.Fact is FundsTransferred).Select(p => (FundsTransferred)p.Fact!).ToList();
        Assert.Equal(
            [
                "wechat:acc-zheng-wechat:1000050001201904290001 acc-zheng-wechat -> 王䶮 28.16 wechat.csv row 6",
                "wechat:acc-zheng-wechat:1000050001201904290002 李某 -> acc-zheng-wechat 1200 wechat.csv row 7",
            ],
            csvFacts.Select(t => $"{t.Id} {t.From} -> {t.To} {t.Amount} {t.Source}"));
        var xlsxFacts = fromXlsx.DryRunLines!.Select(l => FactParser.Parse(l).Fact).OfType<FundsTransferred>().ToList();
        Assert.Equal(csvFacts.Select(t => (t.Id, t.From, t.To, t.Amount, t.At)), xlsxFacts.Select(t => (t.Id, t.From, t.To, t.Amount, t.At)));
        Assert.Equal(["wechat.xlsx sheet 账单 row 6", "wechat.xlsx sheet 账单 row 7"], xlsxFacts.Select(t => t.Source));
        Assert.Equal(2, fromXlsx.Report!.Statements.Single().RowsSkipped);
    }

    [Fact]
    public async Task A_western_bank_csv_is_read_through_a_mapping_file_and_its_time_zone()
    {
        var path = Files.Write("barclays.csv", new UTF8Encoding(false),
            "Date,Description,Debit,Credit,Balance",
            "02/05/2019,TRANSFER TO J SMITH,100.00,,900.00",
            "03/05/2019,SALARY ACME LTD,,\"2,000.00\",\"2,900.00\"");
        var (mapping, problem) = MappingFile.Parse("""
            { "time": "Date", "timeFormat": "dd/MM/yyyy", "debit": "Debit", "credit": "Credit",
              "balance": "Balance", "counterpartyName": "Description", "timeZone": "+01:00" }
            """);
        Assert.Null(problem);

        var outcome = await Import(Options(account: "acc-gb-1") with { Profile = "mapping", Mapping = mapping }, dryRun: true, path);

        Accepted(outcome);
        var facts = outcome.DryRunLines!.Select(l => FactParser.Parse(new SourceLine(1, l, 0, FromStatement: true)).Fact).ToList();
        Assert.Equal(
            [
                "bank:acc-gb-1:row:{0}:2 acc-gb-1 -> TRANSFER TO J SMITH 100 2019-05-02T00:00:00+01:00",
                "bank:acc-gb-1:row:{0}:3 SALARY ACME LTD -> acc-gb-1 2000 2019-05-03T00:00:00+01:00",
            ],
            facts.OfType<FundsTransferred>().Select(t =>
                $"{t.Id.Replace(t.Id.Split(':')[3], "{0}")} {t.From} -> {t.To} {t.Amount} {InstantWithOffsetConverter.Render(t.At)}"));
        Assert.True(facts.OfType<StatementImported>().Single().Reconciles);

        var withoutZone = await Import(Options(account: "acc-gb-1") with { Profile = "mapping", Mapping = mapping! with { TimeZone = null } }, dryRun: true, path);
        Assert.Equal([$"{path}:1: tz: the mapping names no time zone: give --tz (e.g. --tz +00:00)"], withoutZone.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public async Task The_sender_and_the_receiver_statement_of_one_transfer_record_it_once_citing_both_rows()
    {
        var outcome = await Import(Options(), Files.ZhengBank(), Files.WangBank());

        Accepted(outcome);
        var facts = (await Recorded()).Select(f => f.Fact).ToList();
        Assert.Single(facts.OfType<FundsTransferred>(), t => t.Amount == 50000m);
        var matched = Assert.Single(facts.OfType<StatementRowMatched>());
        Assert.Equal(("bank:6222020000001234:SN0002", "wang-bank.csv row 2", 2L), (matched.Fact, matched.Source, matched.Row));
        var report = FlowTracer.Trace(Case, facts, TracingRule.Fifo);
        Assert.Empty(report.Problems);
    }

    [Fact]
    public async Task Statements_longer_than_a_batch_of_matching_are_matched_row_for_row_and_recorded_whole()
    {
        // One amount throughout: the rows of both statements stream back to matching as one group that spans batches.
        const int rows = 12_001;
        var start = new DateTime(2019, 1, 1, 8, 0, 0);
        string At(int i) => start.AddHours(2 * i).ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
        var zheng = Files.Write("zheng-long.csv", StatementSamples.Gb18030,
        [
            StatementSamples.CnBankHeader,
            .. Enumerable.Range(0, rows).Select(i =>
                $"6222020000001234\t,郑䶮,{At(i)},100.00,{2_000_000m - 100m * (i + 1):0.00},出,6217000000009999\t,王䶮,转账,SN{i}\t,成功,"),
        ]);
        var wang = Files.Write("wang-long.csv", StatementSamples.Gb18030,
        [
            StatementSamples.CnBankHeader,
            .. Enumerable.Range(0, rows).Select(i =>
                $"6217000000009999\t,王䶮,{At(i)},100.00,{100m * (i + 1):0.00},进,6222****1234\t,郑䶮,转账,W{i}\t,成功,"),
        ]);

        var outcome = await Import(Options(), zheng, wang);

        Accepted(outcome);
        Assert.Equal([0, rows], outcome.Report!.Statements.Select(s => s.RowsMatched));
        var facts = (await Recorded()).Select(f => f.Fact).ToList();
        Assert.Equal(Enumerable.Range(0, rows).Select(i => $"bank:6222020000001234:SN{i}"),
            facts.OfType<FundsTransferred>().Select(t => t.Id));
        Assert.Equal(Enumerable.Range(0, rows).Select(i => $"wang-long.csv row {i + 2} -> bank:6222020000001234:SN{i}"),
            facts.OfType<StatementRowMatched>().Select(m => $"{m.Source} -> {m.Fact}"));
    }

    [Fact]
    public async Task A_second_side_imported_later_is_matched_to_the_transfer_the_case_already_holds()
    {
        Accepted(await Import(Options(), Files.ZhengBank()));

        var later = await Import(Options(), Files.WangBank());

        Accepted(later);
        Assert.Equal(1, later.Report!.Statements.Single().RowsMatched);
        var facts = (await Recorded()).Select(f => f.Fact).ToList();
        Assert.Single(facts.OfType<FundsTransferred>(), t => t.Amount == 50000m);
        Assert.Equal("bank:6222020000001234:SN0002", Assert.Single(facts.OfType<StatementRowMatched>()).Fact);
    }

    [Fact]
    public async Task The_two_sides_of_a_transfer_imported_at_the_same_moment_record_it_once()
    {
        var cases = new[] { "SQ-S-2", "SQ-S-3", "SQ-S-4" };
        var sides = new[] { Files.ZhengBank(), Files.WangBank() };

        await Task.WhenAll(cases.SelectMany(@case => sides.Select(file =>
            Task.Run(async () => Accepted(await new StatementImport(Store, FixedClock.At("2026-12-01T10:00:00Z"))
                .RunAsync([StatementFile.OnDisk(file)], [], new StatementOptions { Case = @case }, "investigator-1", dryRun: false, Ct))))));

        foreach (var @case in cases)
        {
            var facts = new List<CaseEvent>();
            await foreach (var fact in new CaseHistory(Store).ReadAsync(@case, ct: Ct)) facts.Add(fact.Fact);
            Assert.Single(facts.OfType<FundsTransferred>(), t => t.Amount == 50000m);
            Assert.Single(facts.OfType<StatementRowMatched>());
        }
    }

    [Fact]
    public async Task A_row_that_may_be_either_of_two_transfers_is_never_counted_twice_and_is_listed_for_review()
    {
        var wang = Files.WangBank("wang-bank.csv",
            "6217000000009999\t,王䶮,2019-04-29 10:05:00,\"50,000.00\",\"100,000.00\",进,6222****1234\t,郑䶮,转账,W0002\t,成功,");

        var outcome = await Import(Options(), wang, Files.ZhengBank());

        Accepted(outcome);
        var facts = (await Recorded()).Select(f => f.Fact).ToList();
        Assert.Equal(2, facts.OfType<FundsTransferred>().Count(t => t.Amount == 50000m));
        var review = Assert.Single(facts.OfType<StatementRowUndecided>());
        Assert.Equal(["bank:6217000000009999:W0001", "bank:6217000000009999:W0002"], review.Candidates);
        Assert.Equal("zheng-bank.csv row 5", review.Source);
        Assert.Equal(
            ["zheng-bank.csv row 5 (50000.00 on 2019-04-29 10:05) may be bank:6217000000009999:W0001 or bank:6217000000009999:W0002"],
            outcome.Report!.ForReview);
        var problem = Assert.Single(FlowTracer.Trace(Case, facts, TracingRule.ProRata).Problems);
        Assert.Equal(review.Id, problem.Id);
        Assert.StartsWith("statement row zheng-bank.csv row 5 (6222020000001234 to 6217000000009999, 50000.00) may be the transfer recorded as", problem.Reason);
    }

    [Fact]
    public async Task The_court_bundle_tells_each_statement_its_reconciliation_and_the_rows_left_for_review_and_verifies()
    {
        var wang = Files.WangBank("wang-bank.csv",
            "6217000000009999\t,王䶮,2019-04-29 10:05:00,\"50,000.00\",\"100,000.00\",进,6222****1234\t,郑䶮,转账,W0002\t,成功,");
        Accepted(await Import(Options(), wang, Files.ZhengBank()));
        var records = (await Recorded()).Select(r => new ChainedRecord(r.Seq, r.RecordedAt, r.Fact)).ToList();

        var bundle = TimelineBundle.Build(records, new BundleParameters(Case, null, null), GeneratorVersion.Current);

        var folder = Directory.CreateDirectory(Files.Path("bundle")).FullName;
        foreach (var file in bundle) await File.WriteAllBytesAsync(System.IO.Path.Combine(folder, file.Name), file.Content, Ct);
        Assert.True(BundleVerifier.Verify(folder).Holds);
        var markdown = Encoding.UTF8.GetString(bundle.Single(f => f.Name == "timeline.md").Content);
        Assert.Contains("The cn-bank statement zheng-bank.csv (SHA-256 ", markdown);
        Assert.Contains("3 rows used, 1 skipped, 0 matched to recorded transfers, 1 left for review; its balances reconcile.", markdown);
        Assert.Contains("Statement row zheng-bank.csv row 5 (50,000.00 from", markdown);
    }

    [Fact]
    public async Task A_balance_that_does_not_follow_is_kept_with_the_statement_as_a_break_with_the_missing_amount()
    {
        var path = Files.Write("gap.csv", StatementSamples.Gb18030,
            StatementSamples.CnBankHeader,
            "6222020000001234\t,郑䶮,2019-04-29 09:00:00,1000.00,1000.00,进,6228000000000001\t,郑䶮,存入,G1\t,成功,",
            "6222020000001234\t,郑䶮,2019-05-03 09:00:00,100.00,700.00,出,6217000000009999\t,王䶮,转账,G2\t,成功,");

        Accepted(await Import(Options(), path));

        var statement = (await Recorded()).Select(f => f.Fact).OfType<StatementImported>().Single();
        Assert.False(statement.Reconciles);
        Assert.Equal(
            ["between row 2 and row 3 (dated 2019-04-29 to 2019-05-03): balance 700.00 where 900.00 follows; -200.00 is missing from the statement"],
            statement.Breaks);
    }

    [Fact]
    public async Task A_statement_row_the_import_refuses_is_named_at_its_file_and_row()
    {
        var inDollars = Files.Write("dollars.jsonl", new UTF8Encoding(false),
            $$"""{"id":"usd-1","case":"{{Case}}","type":"FundsTransferred","at":"2019-04-28T10:00:00+08:00","from":"a","to":"b","amount":5,"currency":"USD"}""");
        var bank = Files.ZhengBank();

        var outcome = await Import(Options(), inDollars, bank);

        Assert.False(outcome.Accepted);
        Assert.StartsWith($"{bank}:4: currency: case '{Case}' is in USD", outcome.Errors[0].ToString());
        Assert.Equal(0, await ScalarAsync("select count(*) from {schema}.mt_events where stream_id not like 'recorded:%'"));
    }

    [Fact]
    public async Task Every_row_whose_amount_time_or_direction_cannot_be_read_is_named_and_nothing_is_written()
    {
        var bad = Files.Write("bad.csv", StatementSamples.Gb18030,
            StatementSamples.CnBankHeader,
            "6222020000001234\t,郑䶮,2019-04-29 09:00:00,\"12,34.00\",1000.00,进,6228000000000001\t,郑䶮,存入,B1\t,成功,",
            "6222020000001234\t,郑䶮,2019-13-45 09:00:00,10.00,1010.00,进,6228000000000001\t,郑䶮,存入,B2\t,成功,",
            "6222020000001234\t,郑䶮,2019-04-29 11:00:00,10.00,1020.00,转,6228000000000001\t,郑䶮,存入,B3\t,成功,");
        var unknown = Files.Write("unknown.csv", new UTF8Encoding(false), "a,b,c", "1,2,3");
        var notGb = Files.WriteBytes("broken.csv",
            [.. StatementSamples.Gb18030.GetBytes(StatementSamples.CnBankHeader + "\r\n"), 0x81, 0x20, 0x0D, 0x0A]);
        var notXlsx = Files.Write("fake.xlsx", new UTF8Encoding(false), "just text");

        var outcome = await Import(Options(), bad, unknown, notGb, notXlsx, Files.ZhengBank());

        Assert.Equal(
            [
                $"{notXlsx}:1: line: is named as a spreadsheet but is not an XLSX or XLS file",
            ],
            outcome.Errors.Select(e => e.ToString()));
        outcome = await Import(Options(), bad, unknown, notGb, Files.ZhengBank());
        Assert.Equal(
            [
                $"{bad}:2: 交易金额: '12,34.00' is not an amount",
                $"{bad}:3: 交易时间: '2019-13-45 09:00:00' is not a time (e.g. 2019-04-29 10:05:00)",
                $"{bad}:4: 收付标志: '转' is not a direction (进/出, 收入/支出, 借/贷, Dr/Cr)",
                $"{unknown}:1: header: no header row of a known statement layout: cn-bank (交易时间, 交易金额, 收付标志, 交易对手账卡号); " +
                "alipay (交易时间, 收/支, 金额, 交易订单号, 交易对方); wechat (交易时间, 收/支, 金额(元) or 金额（元）, 交易单号, 交易对方); " +
                "for another layout give --profile mapping --mapping FILE",
                $"{notGb}:2: line: is not GB18030 text (the file's encoding was taken from its first bytes)",
            ],
            outcome.Errors.Select(e => e.ToString()));
        Assert.Equal(0, await ScalarAsync("select count(*) from {schema}.mt_events where stream_id not like 'recorded:%'"));
    }

    [Fact]
    public async Task Importing_the_same_statement_again_records_nothing_new()
    {
        Accepted(await Import(Options(), Files.ZhengBank()));
        var before = await ScalarAsync("select count(*) from {schema}.mt_events where stream_id not like 'recorded:%'");
        File.Copy(Files.Path("zheng-bank.csv"), Files.Path("renamed.csv"));

        var again = await Import(Options(), Files.ZhengBank(), Files.Path("renamed.csv"));

        Accepted(again);
        Assert.Equal(0, again.Summary!.Recorded);
        Assert.Equal(
            [
                $"{Files.Path("zheng-bank.csv")}: recorded earlier as zheng-bank.csv; nothing recorded",
                $"{Files.Path("renamed.csv")}: recorded earlier as zheng-bank.csv; nothing recorded",
            ],
            again.Report!.AlreadyImported);
        Assert.Equal(before, await ScalarAsync("select count(*) from {schema}.mt_events where stream_id not like 'recorded:%'"));
    }

    [Fact]
    public async Task A_dry_run_shows_the_facts_as_interchange_lines_and_writes_nothing()
    {
        var outcome = await Import(Options(), dryRun: true, Files.ZhengBank(), Files.WangBank());

        Accepted(outcome);
        Assert.Equal(
            ["FundsTransferred", "FundsTransferred", "FundsTransferred", "StatementImported", "StatementRowMatched", "StatementImported"],
            outcome.DryRunLines!.Select(l => FactParser.Parse(new SourceLine(1, l, 0, FromStatement: true)).Fact!.Type));
        Assert.Equal(0, await ScalarAsync("select count(*) from {schema}.mt_events where stream_id not like 'recorded:%'"));
    }

    [Fact]
    public void Interchange_lines_may_not_state_what_only_a_statement_import_records()
    {
        const string line = """{"id":"statement:x","case":"C","type":"StatementRowMatched","at":"2019-04-29T10:05:00+08:00","fact":"t-1","statement":"0000000000000000000000000000000000000000000000000000000000000000","row":2}""";

        var (fact, errors) = FactParser.Parse(line);

        Assert.Null(fact);
        Assert.Equal("type: 'StatementRowMatched' is recorded only by a statement import (laundertrail import of the statement file), never stated in interchange lines",
            $"{errors.Single().Field}: {errors.Single().Reason}");
        Assert.NotNull(FactParser.Parse(new SourceLine(1, line, 0, FromStatement: true)).Fact);
    }
}
