using LaunderTrail.Evidence;
using static System.FormattableString;

namespace LaunderTrail.Generation;

/// <summary>A Taobao buyer the gang reached: the person and her Alipay and bank-card accounts.</summary>
internal sealed record Victim(string File, string Holder, string City, string Alipay, string Bank, string? BankName)
{
    private static readonly string[] Surnames = ["Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu", "Zhou", "Xu", "Sun", "Ma", "Zhu", "Hu", "Guo", "He", "Lin", "Gao", "Luo"];
    private static readonly string[] Cities = ["Suzhou", "Nanjing", "Hangzhou", "Shanghai", "Hefei", "Wuxi", "Changzhou", "Xuzhou", "Jinan", "Zhengzhou", "Wuhan", "Changsha", "Nanchang", "Fuzhou", "Guangzhou", "Chengdu"];
    private static readonly string[] Banks = ["Industrial and Commercial Bank of China", "China Construction Bank", "Bank of China", "Agricultural Bank of China", "China Merchants Bank", "Bank of Communications", "Postal Savings Bank of China"];

    /// <summary>The victim's number in the case file: 0001 is Ms Zheng, then one per contact slot.</summary>
    public static string FileOf(long slot) => Invariant($"{slot + 1:D4}");

    /// <summary>Known before her round is told, so a leaked order batch can list her.</summary>
    public static string AlipayOf(long slot) => slot == 0 ? MsZheng.Alipay : Invariant($"acc-v{FileOf(slot)}-alipay");

    public static Victim Draw(Story story, long slot)
    {
        var file = FileOf(slot);
        var title = story.Random.Chance(60) ? "Ms" : "Mr";
        var surname = story.Random.Pick(Surnames);
        var city = story.Random.Pick(Cities);
        return new Victim(file, Invariant($"{title} {surname}, {city} (victim {file})"), city, AlipayOf(slot),
            Invariant($"acc-v{file}-bank"), story.Random.Pick(Banks));
    }

    public IEnumerable<CaseEvent> Identify(Story story, DateTimeOffset at)
    {
        yield return story.Identified(at, Alipay, Holder, AccountRole.Victim, "Alipay", Exhibits.VictimStatement(File, City));
        yield return story.Identified(at, Bank, Holder, AccountRole.Victim, BankName, Exhibits.VictimStatement(File, City));
    }
}
