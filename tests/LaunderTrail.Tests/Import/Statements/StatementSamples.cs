using System.Text;

namespace LaunderTrail.Tests.Import.Statements;

/// <summary>Statements written the way banks and payment platforms write them, into a folder of the test's own.</summary>
public sealed class StatementSamples : IDisposable
{
    public static readonly Encoding Gb18030;

    static StatementSamples()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        Gb18030 = Encoding.GetEncoding(54936);
    }

    public string Folder { get; } = Directory.CreateTempSubdirectory("laundertrail-statements-").FullName;

    public string Write(string name, Encoding encoding, params string[] lines)
    {
        var path = System.IO.Path.Combine(Folder, name);
        var bytes = encoding.GetPreamble().Concat(encoding.GetBytes(string.Join("\r\n", lines) + "\r\n")).ToArray();
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public string WriteBytes(string name, byte[] bytes)
    {
        var path = System.IO.Path.Combine(Folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public string Path(string name) => System.IO.Path.Combine(Folder, name);

    public const string CnBankHeader =
        "交易卡号\t,交易户名,交易时间,交易金额,交易余额,收付标志,交易对手账卡号\t,对手户名,摘要说明,交易流水号\t,交易是否成功,交易网点";

    /// <summary>Ms Zheng's bank (account 6222020000001234) answering a police inquiry: a preamble, tab-padded ids, GB18030.</summary>
    public string ZhengBank(string name = "zheng-bank.csv") => Write(name, Gb18030,
        "中国工商银行交易明细查询结果,,,,,,,,,,,",
        "查询时间:2019-06-01,,,,,,,,,,,",
        CnBankHeader,
        "6222020000001234\t,郑䶮,2019-04-29 09:00:00,\"100,000.00\",\"100,000.00\",进,6228000000000001\t,郑䶮,存入,SN0001\t,成功,北京分行",
        "6222020000001234\t,郑䶮,2019-04-29 10:05:00,\"50,000.00\",\"50,000.00\",出,6217000000009999\t,王䶮,转账,SN0002\t,成功,北京分行",
        "6222020000001234\t,郑䶮,2019-04-29 11:00:00,100.00,\"50,000.00\",出,6217000000009999\t,王䶮,转账,SN0003\t,失败,北京分行",
        "6222020000001234\t,郑䶮,2019-04-30 09:00:00,200.00,\"49,800.00\",借,6228****5678,李某,转账,SN0004\t,成功,");

    /// <summary>Mr Wang's bank (6217000000009999): the 50,000 from Ms Zheng, her card number masked.</summary>
    public string WangBank(string name = "wang-bank.csv", params string[] extra) => Write(name, Gb18030,
        [
            CnBankHeader,
            "6217000000009999\t,王䶮,2019-04-29 10:05:00,\"50,000.00\",\"50,000.00\",进,6222****1234\t,郑䶮,转账,W0001\t,成功,",
            .. extra,
        ]);

    private static readonly string[] WechatHeader = ["交易时间", "交易类型", "交易对方", "商品", "收/支", "金额(元)", "支付方式", "当前状态", "交易单号", "商户单号", "备注"];

    /// <summary>A WeChat Pay bill as its export lays it out: a preamble, the header, two completed rows, a withdrawal and a refunded purchase.</summary>
    public static string[][] WechatBillRows =>
    [
        ["微信支付账单明细", "", "", "", "", "", "", "", "", "", ""],
        ["微信昵称：[小郑]", "", "", "", "", "", "", "", "", "", ""],
        ["起始时间：[2019-04-01 00:00:00] 终止时间：[2019-05-01 00:00:00]", "", "", "", "", "", "", "", "", "", ""],
        ["----------------------微信支付账单明细列表--------------------", "", "", "", "", "", "", "", "", "", ""],
        WechatHeader,
        ["2019-04-29 14:00:00", "转账", "王䶮", "/", "支出", "¥28.16", "零钱", "对方已收钱", "1000050001201904290001\t", "/", "/"],
        ["2019-04-29 15:00:00", "微信红包", "李某", "/", "收入", "¥1,200.00", "/", "已存入零钱", "1000050001201904290002\t", "/", "/"],
        ["2019-04-29 16:00:00", "零钱提现", "招商银行", "/", "/", "¥50.00", "招商银行", "提现已到账", "1000050001201904290003\t", "/", "/"],
        ["2019-04-29 17:00:00", "商户消费", "某商户", "商品", "支出", "¥9.90", "零钱", "已全额退款", "1000050001201904290004\t", "/", "/"],
    ];

    public void Dispose()
    {
        Directory.Delete(Folder, recursive: true);
    }
}
