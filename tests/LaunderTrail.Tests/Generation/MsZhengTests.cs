using LaunderTrail.Evidence;
using Xunit;

namespace LaunderTrail.Tests.Generation;

/// <summary>Ms Zheng's story comes first and exactly as the report tells it.</summary>
public sealed class MsZhengTests
{
    private const string Alipay = "acc-zheng-alipay";
    private const string Bank = "acc-zheng-bank";
    private static readonly IReadOnlyList<CaseEvent> Events = GeneratedCase.Reference;
    private static readonly CaseFacts Facts = new(Events);

    [Fact]
    public void Her_two_accounts_are_hers_and_identified_as_a_victims()
    {
        Assert.Equal(AccountRole.Victim, Facts.RoleOf(Alipay));
        Assert.Equal(AccountRole.Victim, Facts.RoleOf(Bank));
        Assert.Equal(Facts.Accounts[Alipay].Holder, Facts.Accounts[Bank].Holder);
        Assert.Contains("Zheng", Facts.Accounts[Alipay].Holder);
    }

    [Fact]
    public void Her_62_CNY_order_of_27_April_was_in_a_batch_a_Yang_broker_sold_to_the_gang()
    {
        var batch = Assert.Single(Events.OfType<OrderDataSold>(), d => d.Victims?.Contains(Alipay) == true);

        Assert.Equal(new DateOnly(2019, 4, 27), DateOnly.FromDateTime(batch.At.DateTime));
        Assert.StartsWith("Yang", Facts.Accounts[batch.Seller].Holder);
        Assert.Equal(AccountRole.Fraudster, Facts.RoleOf(batch.Buyer));
        Assert.Contains("62 CNY", batch.Note);
    }

    [Fact]
    public void On_28_April_the_Alipay_claims_centre_offered_162_CNY_for_her_62_CNY_order()
    {
        var call = Assert.Single(Events.OfType<VictimContacted>(), c => c.Victim == Alipay);

        Assert.Equal(new DateOnly(2019, 4, 28), DateOnly.FromDateTime(call.At.DateTime));
        Assert.Equal(AccountRole.Fraudster, Facts.RoleOf(call.By));
        Assert.Contains("Alipay claims centre", call.Pretext);
        Assert.Contains("62 CNY", call.Pretext);
        Assert.Contains("162 CNY", call.Pretext);
    }

    [Fact]
    public void On_29_April_a_50_000_loan_went_to_her_Alipay_then_her_card_and_49_950_left_the_card_minutes_later()
    {
        var loan = Assert.Single(Events.OfType<LoanDisbursed>(), l => l.To == Alipay);
        var withdrawal = Assert.Single(Events.OfType<FundsTransferred>(), t => t.From == Alipay);
        var taken = Assert.Single(Events.OfType<FundsTransferred>(), t => t.From == Bank);

        Assert.Equal(new DateOnly(2019, 4, 29), DateOnly.FromDateTime(loan.At.DateTime));
        Assert.Equal(50_000m, loan.Amount);
        Assert.Equal(AccountRole.Lender, Facts.RoleOf(loan.Lender));
        Assert.Equal((Bank, 50_000m), (withdrawal.To, withdrawal.Amount));
        Assert.InRange(withdrawal.At, loan.At, loan.At.AddHours(1));
        Assert.Equal(49_950m, taken.Amount);
        Assert.Equal(AccountRole.Fraudster, Facts.RoleOf(taken.To));
        Assert.InRange(taken.At, withdrawal.At.AddMinutes(1), withdrawal.At.AddMinutes(15));
        Assert.Equal(49_950m, Facts.LossByVictim()[Facts.Accounts[Alipay].Holder]);
    }

    [Fact]
    public void Her_story_is_told_before_any_other_victims()
    {
        var firstVictimEvent = Events.First(e => e is VictimContacted or LoanDisbursed or FundsTransferred);

        Assert.Equal(Alipay, Assert.IsType<VictimContacted>(firstVictimEvent).Victim);
        Assert.Equal(Alipay, Events.OfType<OrderDataSold>().First().Victims![0]);
    }
}
