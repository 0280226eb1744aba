using System.Globalization;
using LaunderTrail.Evidence;

namespace LaunderTrail.Generation.Statements;

/// <summary>
/// Gives every account of a case the number, masked form and Chinese holder name its statements show. Accounts are
/// numbered in the order the case first names them, and the number's last digits are that order, so no two accounts
/// ever share a masked form and the alias file maps each shown form to exactly one account.
/// </summary>
internal sealed class StatementIdentities
{
    private static readonly Dictionary<string, (string Bin, string Name)> Banks = new(StringComparer.Ordinal)
    {
        ["Agricultural Bank of China"] = ("622848", "中国农业银行"),
        ["China Construction Bank"] = ("621700", "中国建设银行"),
        ["Bank of China"] = ("621661", "中国银行"),
        ["Bank of China (cash-out card)"] = ("621661", "中国银行"),
        ["Industrial and Commercial Bank of China"] = ("622202", "中国工商银行"),
        ["China Merchants Bank"] = ("622588", "招商银行"),
        ["Bank of Communications"] = ("622262", "交通银行"),
        ["Postal Savings Bank of China"] = ("621799", "中国邮政储蓄银行"),
    };

    /// <summary>A card whose bank the case does not name (Ms Zheng's) is shown as a China UnionPay debit card.</summary>
    private static readonly (string Bin, string Name) UnnamedBank = ("622202", "中国工商银行");

    private static readonly Dictionary<string, string> Surnames = new(StringComparer.Ordinal)
    {
        ["Wang"] = "王", ["Li"] = "李", ["Zhang"] = "张", ["Liu"] = "刘", ["Chen"] = "陈", ["Yang"] = "杨",
        ["Huang"] = "黄", ["Zhao"] = "赵", ["Wu"] = "吴", ["Zhou"] = "周", ["Xu"] = "徐", ["Sun"] = "孙",
        ["Ma"] = "马", ["Zhu"] = "朱", ["Hu"] = "胡", ["Guo"] = "郭", ["He"] = "何", ["Lin"] = "林",
        ["Gao"] = "高", ["Luo"] = "罗", ["Zheng"] = "郑",
    };

    private static readonly string[] WomensNames = ["秀英", "丽", "敏", "静", "丽娟", "艳", "芳", "娜", "桂英", "玉兰", "婷", "霞"];
    private static readonly string[] MensNames = ["伟", "强", "磊", "军", "洋", "勇", "杰", "涛", "明", "超", "平", "建华"];
    private static readonly string[] PhonePrefixes = ["138", "139", "158", "186", "135", "137", "150", "188"];

    /// <summary>
    /// The middleman's name holds 䶮 (U+4DAE), a character real names use that GBK (code page 936) cannot encode and
    /// GB18030 can: a statement read with the wrong code page shows it as "?".
    /// </summary>
    private const string MiddlemanName = "龚䶮";
    private const string GangName = "郑刚";

    private readonly Dictionary<string, StatementAccount> _accounts = new(StringComparer.Ordinal);

    /// <summary>One Chinese name per holder, so a victim's Alipay account and bank card name the same person.</summary>
    private readonly Dictionary<string, string> _names = new(StringComparer.Ordinal);

    public StatementIdentities(IEnumerable<AccountIdentified> identifications)
    {
        foreach (var identified in identifications)
            if (!_accounts.ContainsKey(identified.Account))
                Add(identified.Account, identified.Institution, identified.Holder, identified.Role);
    }

    /// <summary>The account's identity; an account the case never identified is shown as a bank card of no known holder.</summary>
    public StatementAccount this[string account] =>
        _accounts.TryGetValue(account, out var known) ? known : Add(account, institution: null, holder: "", AccountRole.Other);

    private StatementAccount Add(string account, string? institution, string holder, AccountRole role)
    {
        var ordinal = _accounts.Count;
        var digits = new SplitMix64(ordinal + 1);
        // 1000 + ordinal: four digits up to the 9,000th account, more after, so the masked form stays unique.
        var tail = (1000 + ordinal).ToString(CultureInfo.InvariantCulture);
        var identity = institution switch
        {
            "Alipay" => Phone(account, ordinal, digits, tail, NameOf(holder, role), "支付宝"),
            "WeChat Pay" => WeChatPay(account, digits, tail, NameOf(holder, role)),
            _ => Card(account, institution, digits, tail, NameOf(holder, role)),
        };
        _accounts.Add(account, identity);
        return identity;
    }

    private static StatementAccount Card(string account, string? institution, SplitMix64 digits, string tail, string holder)
    {
        var (bin, bank) = institution is not null && Banks.TryGetValue(institution, out var known) ? known : UnnamedBank;
        var number = bin + Digits(digits, 19 - bin.Length - tail.Length) + tail;
        return new StatementAccount(account, AccountKind.BankCard, number, number[..4] + "****" + tail, holder, bank);
    }

    private static StatementAccount Phone(string account, int ordinal, SplitMix64 digits, string tail, string holder, string institution)
    {
        var number = PhonePrefixes[ordinal % PhonePrefixes.Length] + Digits(digits, 4) + tail;
        return new StatementAccount(account, AccountKind.Alipay, number, number[..3] + "****" + tail, holder, institution);
    }

    /// <summary>The WeChat Pay balance account a bank statement names when money comes from WeChat.</summary>
    private static StatementAccount WeChatPay(string account, SplitMix64 digits, string tail, string holder)
    {
        var number = "1000" + Digits(digits, 6) + tail;
        return new StatementAccount(account, AccountKind.WeChatPay, number, "1000****" + tail, holder, "财付通");
    }

    private static string Digits(SplitMix64 random, int count) =>
        string.Create(count, random, static (span, r) =>
        {
            for (var i = 0; i < span.Length; i++) span[i] = (char)('0' + r.Between(0, 9));
        });

    private string NameOf(string holder, AccountRole role)
    {
        if (!_names.TryGetValue(holder, out var name))
        {
            name = Name(holder, role, _names.Count);
            _names.Add(holder, name);
        }
        return name;
    }

    /// <summary>The holder's name as a Chinese institution records it; <paramref name="ordinal"/> varies given names.</summary>
    private static string Name(string holder, AccountRole role, int ordinal)
    {
        switch (role)
        {
            case AccountRole.Middleman:
                return MiddlemanName;
            case AccountRole.Fraudster when holder.StartsWith("Zheng gang", StringComparison.Ordinal):
                return GangName;
        }
        // Victims are "Ms Wang, Suzhou (victim 0002)": title, surname, city.
        var words = holder.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries);
        if (role != AccountRole.Victim || words.Length < 2 || !Surnames.TryGetValue(words[1], out var surname)) return holder;
        var given = words[0] == "Mr" ? MensNames : WomensNames;
        return surname + given[ordinal * 7 % given.Length];
    }
}
