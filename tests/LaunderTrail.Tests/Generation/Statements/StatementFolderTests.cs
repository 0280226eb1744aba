using System.Text;
using LaunderTrail.Evidence;
using LaunderTrail.Generation;
using LaunderTrail.Generation.Statements;
using LaunderTrail.Tracing;

namespace LaunderTrail.Tests.Generation.Statements;

public sealed class StatementFolderTests
{
    private static readonly Lazy<IReadOnlyList<StatementFile>> LazyFiles = new(() => StatementFolder.Files(GeneratedCase.Reference));
    private static readonly Lazy<ReadBackStatements> LazyFolder = new(() => new ReadBackStatements(LazyFiles.Value));

    private static ReadBackStatements Folder => LazyFolder.Value;

    private static IEnumerable<FundsTransferred> ReferenceTransfers => GeneratedCase.Reference.OfType<FundsTransferred>();

    [Fact]
    public void Every_transfer_of_the_reference_case_is_on_a_statement_and_nothing_else_is()
    {
        var shown = CompletedRows().Select(r => r.Transfer).ToList();

        Assert.Equal(ReferenceTransfers.Select(Key).Order(), shown.Distinct().Order());
        Assert.All(shown.CountBy(k => k), pair => Assert.InRange(pair.Value, 1, 2));
    }

    [Fact]
    public void A_transfer_between_two_accounts_with_statements_is_on_both_each_with_its_own_serial()
    {
        var holders = Folder.Manifest.Select(m => m.Account).ToHashSet();
        var rows = CompletedRows().ToList();
        var bothSides = ReferenceTransfers.Where(t => holders.Contains(t.From) && holders.Contains(t.To)).ToList();

        Assert.True(bothSides.Count > 100, $"only {bothSides.Count} transfers seen from both sides");
        foreach (var transfer in bothSides)
        {
            var sides = rows.Where(r => r.Transfer == Key(transfer)).ToList();
            Assert.Equal(2, sides.Count);
            Assert.NotEqual(Serial(sides[0].Row), Serial(sides[1].Row));
        }
        Assert.Contains(Folder.Manifest, m => m.Profile == "wechat" && bothSides.Any(t => t.From == m.Account));
    }

    [Fact]
    public void Importing_the_other_facts_then_the_statements_in_the_manifest_order_gives_the_reference_report_under_every_rule()
    {
        var recorded = new HashSet<(string, string, decimal, DateTimeOffset)>();
        var facts = new List<CaseEvent>(GeneratedCase.Reference.Where(e => e is not FundsTransferred));
        foreach (var (row, transfer) in CompletedRows())
        {
            if (!recorded.Add(transfer)) continue;
            facts.Add(new FundsTransferred
            {
                Id = Serial(row), Case = "SQ-2019-515", At = transfer.At, From = transfer.From, To = transfer.To, Amount = transfer.Amount,
            });
        }

        foreach (var rule in Enum.GetValues<TracingRule>())
            Assert.Equal(FlowReportJson.Write(FlowTracer.Trace("SQ-2019-515", GeneratedCase.Reference, rule)),
                FlowReportJson.Write(FlowTracer.Trace("SQ-2019-515", facts, rule)));
    }

    [Fact]
    public void The_other_facts_are_the_reference_facts_that_are_not_transfers_in_the_same_order()
    {
        var expected = new MemoryStream();
        CaseEventJsonLines.Write(GeneratedCase.Reference.Where(e => e is not FundsTransferred), expected);

        Assert.Equal(expected.ToArray(), Folder.Files[StatementFolder.OtherFacts]);
    }

    [Fact]
    public void Every_bank_statement_reconciles_row_by_row_and_never_goes_below_zero()
    {
        var banks = Folder.Manifest.Where(m => m.Profile == "cn-bank").ToList();
        Assert.NotEmpty(banks);
        foreach (var bank in banks)
        {
            decimal? previous = null;
            foreach (var row in Folder.Rows(bank.File, bank.Profile))
            {
                var balance = decimal.Parse(row.Cells["交易余额"], System.Globalization.CultureInfo.InvariantCulture);
                Assert.True(balance >= 0, $"{bank.File}:{row.Row}: balance {balance}");
                var moved = row.Status == "成功" ? row.Direction == "进" ? row.Amount : -row.Amount : 0;
                if (previous is { } before) Assert.True(before + moved == balance, $"{bank.File}:{row.Row}: {before} + {moved} ≠ {balance}");
                previous = balance;
            }
        }
    }

    [Fact]
    public void Bank_statements_and_Alipay_bills_are_GB18030_and_keep_a_name_GBK_cannot_encode()
    {
        const string middleman = "龚䶮";
        var gbk = ReadBackStatements.CodePages(936);
        Assert.Throws<EncoderFallbackException>(() => gbk.GetBytes(middleman));

        var cashOut = Folder.Manifest.Single(m => m.Account == "acc-gang-cashout");
        var bytes = Folder.Files[cashOut.File];
        Assert.Contains(middleman, Folder.Text(cashOut.File, ReadBackStatements.CodePages(54936)));
        Assert.Throws<DecoderFallbackException>(() => new UTF8Encoding(false, true).GetString(bytes));
        Assert.All(Folder.Manifest.Where(m => m.Profile is "cn-bank" or "alipay"),
            m => Assert.False(Folder.Files[m.File].AsSpan().StartsWith(Encoding.UTF8.Preamble), m.File));
    }

    [Fact]
    public void Each_layout_has_the_columns_of_its_institution_and_id_cells_end_in_a_tab()
    {
        var bank = Folder.Manifest.First(m => m.Profile == "cn-bank");
        var bankRow = Folder.Rows(bank.File, bank.Profile)[0];
        Assert.Equal(["交易卡号", "交易户名", "交易时间", "交易金额", "交易余额", "收付标志", "交易对手账卡号", "对手户名", "摘要说明", "交易流水号", "交易是否成功"],
            bankRow.Cells.Keys.Take(11));
        Assert.Contains("\t,", Folder.Text(bank.File, ReadBackStatements.CodePages(54936)));

        var alipay = Folder.Manifest.First(m => m.Profile == "alipay");
        var alipayText = Folder.Text(alipay.File, ReadBackStatements.CodePages(54936));
        Assert.Contains("交易时间,交易分类,交易对方,对方账号,商品说明,收/支,金额,收/付款方式,交易状态,交易订单号,商家订单号,备注,\r\n", alipayText);
        Assert.Contains("姓名：", alipayText);
        Assert.Contains("支付宝账户：", alipayText);
        Assert.Matches(@"\r\n-{20,}\r\n导出时间：\[[^\]]+\]    用户：\S+\r\n$", alipayText);

        foreach (var wechat in Folder.Manifest.Where(m => m.Profile == "wechat"))
        {
            var rows = Folder.Rows(wechat.File, wechat.Profile);
            Assert.NotEmpty(rows);
            Assert.Equal(["交易时间", "交易类型", "交易对方", "商品", "收/支", "金额(元)", "支付方式", "当前状态", "交易单号", "商户单号", "备注"], rows[0].Cells.Keys);
        }
    }

    [Fact]
    public void The_WeChat_bill_comes_as_UTF8_CSV_with_a_BOM_and_as_a_workbook_both_after_the_list_line()
    {
        var bills = Folder.Manifest.Where(m => m.Profile == "wechat").ToList();
        var csv = Assert.Single(bills, b => b.File.EndsWith(".csv", StringComparison.Ordinal));
        var xlsx = Assert.Single(bills, b => b.File.EndsWith(".xlsx", StringComparison.Ordinal));

        Assert.True(Folder.Files[csv.File].AsSpan().StartsWith(Encoding.UTF8.Preamble));
        Assert.Contains("微信支付账单明细列表", Folder.Text(csv.File, Encoding.UTF8));
        Assert.All(Folder.Rows(xlsx.File, xlsx.Profile), r => Assert.StartsWith("¥", r.Cells["金额(元)"]));
        Assert.Contains(Folder.Rows(xlsx.File, xlsx.Profile), r => r.Status == "已转账");
    }

    [Fact]
    public void Rows_that_record_no_completed_move_are_there_and_are_none_of_the_transfers()
    {
        var skipped = Folder.Manifest.SelectMany(m => Folder.Rows(m.File, m.Profile).Where(r => !Completed(m.Profile, r))).ToList();

        Assert.Contains(skipped, r => r.Status == "失败");
        Assert.Contains(skipped, r => r.Direction == "不计收支");
        Assert.Contains(skipped, r => r.Status == "交易关闭");
        Assert.Contains(skipped, r => r.Direction == "/");
        Assert.Contains(skipped, r => r.Status == "已全额退款");
    }

    [Fact]
    public void Every_number_a_statement_shows_maps_to_exactly_one_account()
    {
        var accounts = GeneratedCase.Reference.OfType<AccountIdentified>().Select(a => a.Account).ToHashSet();
        Assert.All(Folder.Aliases, alias => Assert.Contains(alias.Value, accounts));
        Assert.All(CompletedRows(), r => Assert.True(Folder.Aliases.ContainsKey(r.Row.Counterparty), r.Row.Counterparty));
    }

    [Fact]
    public void The_same_case_gives_the_same_bytes()
    {
        var again = StatementFolder.Files(ReferenceCaseGenerator.Generate(new GenerationOptions()));

        Assert.Equal(LazyFiles.Value.Select(f => f.Name), again.Select(f => f.Name));
        Assert.All(LazyFiles.Value.Zip(again), pair => Assert.True(pair.First.Bytes.AsSpan().SequenceEqual(pair.Second.Bytes), pair.First.Name));
    }

    private static IEnumerable<(ReadRow Row, (string From, string To, decimal Amount, DateTimeOffset At) Transfer)> CompletedRows()
    {
        foreach (var (file, profile, account) in Folder.Manifest)
        {
            foreach (var row in Folder.Rows(file, profile).Where(r => Completed(profile, r)))
            {
                var other = Folder.Aliases[row.Counterparty];
                var incoming = row.Direction is "进" or "收入";
                var at = new DateTimeOffset(row.LocalTime, TimeSpan.FromHours(8));
                yield return (row, incoming ? (other, account, row.Amount, at) : (account, other, row.Amount, at));
            }
        }
    }

    private static bool Completed(string profile, ReadRow row) => profile switch
    {
        "cn-bank" => row.Status == "成功",
        "alipay" => row.Status == "交易成功" && row.Direction is "收入" or "支出",
        _ => row.Direction is "收入" or "支出" && row.Status is "已转账" or "已收钱" or "支付成功",
    };

    private static string Serial(ReadRow row) =>
        row.Cells.TryGetValue("交易流水号", out var bank) ? bank : row.Cells.TryGetValue("交易订单号", out var alipay) ? alipay : row.Cells["交易单号"];

    private static (string From, string To, decimal Amount, DateTimeOffset At) Key(FundsTransferred t) => (t.From, t.To, t.Amount, t.At);
}
