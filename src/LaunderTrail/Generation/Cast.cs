using LaunderTrail.Evidence;
using static System.FormattableString;

namespace LaunderTrail.Generation;

/// <summary>The accounts of everyone in the chain except the victims: the Zheng gang and its callers, the
/// laundering ring, the helpers and the loan app.</summary>
internal static class Cast
{
    public const string Lender = "acc-loan-app";
    public const string Middleman = "acc-middleman";

    /// <summary>Where the middleman settles the resale proceeds: cash the gang keeps, never spent on prepaid value.</summary>
    public const string GangCashOut = "acc-gang-cashout";
    public const string WeChatAccountMerchant = "acc-wechat-merchant";
    public const string QqAccountMerchant = "acc-qq-merchant";

    public static readonly IReadOnlyList<string> GangAccounts = ["acc-gang-bank-1", "acc-gang-bank-2", "acc-gang-alipay"];
    public static readonly IReadOnlyList<string> SuningMerchants = ["acc-suning-merchant-1", "acc-suning-merchant-2"];
    public static readonly IReadOnlyList<string> QCoinMerchants = ["acc-qcoin-merchant-1", "acc-qcoin-merchant-2"];
    public static readonly IReadOnlyList<string> DataBrokers = ["acc-yang-1", "acc-yang-2"];

    /// <summary>The number or account a caller phones victims from.</summary>
    public static string Caller(int index) => Invariant($"acc-caller-{index + 1:D2}");

    public static IEnumerable<CaseEvent> Identify(Story story, int callers)
    {
        var at = Story.Beijing(4, 26, 9, 0);
        const string enquiry = "Suqian PSB account-holder enquiry";
        yield return story.Identified(at, GangAccounts[0], "Zheng gang", AccountRole.Fraudster, "Agricultural Bank of China", enquiry + " no. 0001");
        yield return story.Identified(at, GangAccounts[1], "Zheng gang", AccountRole.Fraudster, "China Construction Bank", enquiry + " no. 0002");
        yield return story.Identified(at, GangAccounts[2], "Zheng gang", AccountRole.Fraudster, "Alipay", enquiry + " no. 0003");
        yield return story.Identified(at, GangCashOut, "Zheng gang", AccountRole.Fraudster, "Bank of China (cash-out card)", enquiry + " no. 0004");
        for (var caller = 0; caller < callers; caller++)
            yield return story.Identified(at, Caller(caller), Invariant($"Zheng gang caller {caller + 1:D2}"),
                AccountRole.Fraudster, "virtual mobile network SIM", Invariant($"{enquiry} no. C-{caller + 1:D4}"));
        yield return story.Identified(at, Middleman, "middleman of the Zheng gang's laundering ring", AccountRole.Middleman, "WeChat Pay", enquiry + " no. 0010");
        yield return story.Identified(at, SuningMerchants[0], "Suning-card merchant 1", AccountRole.CardMerchant, "Industrial and Commercial Bank of China", enquiry + " no. 0011");
        yield return story.Identified(at, SuningMerchants[1], "Suning-card merchant 2", AccountRole.CardMerchant, "Bank of Communications", enquiry + " no. 0012");
        yield return story.Identified(at, QCoinMerchants[0], "Q-coin merchant 1", AccountRole.CardMerchant, "China Merchants Bank", enquiry + " no. 0013");
        yield return story.Identified(at, QCoinMerchants[1], "Q-coin merchant 2", AccountRole.CardMerchant, "WeChat Pay", enquiry + " no. 0014");
        yield return story.Identified(at, DataBrokers[0], "Yang, data broker 1", AccountRole.DataBroker, "Alipay", enquiry + " no. 0015");
        yield return story.Identified(at, DataBrokers[1], "Yang, data broker 2", AccountRole.DataBroker, "WeChat Pay", enquiry + " no. 0016");
        yield return story.Identified(at, WeChatAccountMerchant, "WeChat account merchant", AccountRole.AccountMerchant, "Alipay", enquiry + " no. 0017");
        yield return story.Identified(at, QqAccountMerchant, "QQ account merchant", AccountRole.AccountMerchant, "Alipay", enquiry + " no. 0018");
        yield return story.Identified(at, Lender, "online loan app", AccountRole.Lender, "consumer-loan platform", enquiry + " no. 0019");
    }
}
