using LaunderTrail.Evidence;
using Xunit;

namespace LaunderTrail.Tests.Generation;

/// <summary>The reference case reproduces the figures of the "5·15" report (shared/domain/BRIEF.md).</summary>
public sealed class ReferenceFiguresTests
{
    private static readonly IReadOnlyList<CaseEvent> Events = GeneratedCase.Reference;
    private static readonly CaseFacts Facts = new(Events);

    [Theory]
    [InlineData("Suning card", 97, 3_000_000)]
    [InlineData("Q coin", 86, 2_000_000)]
    public void Two_merchants_per_product_bought_more_than_the_report_says_at_its_rate(string product, int ratePercent, int moreThan)
    {
        var resales = Events.OfType<PrepaidValueResold>().Where(r => Facts.ProductOfLot[r.Lot] == product).ToList();

        Assert.All(resales, r => Assert.Equal(r.FaceValue!.Value * ratePercent / 100m, r.Price));
        Assert.All(resales, r => Assert.Equal(AccountRole.CardMerchant, Facts.RoleOf(r.Buyer)));
        Assert.Equal(2, resales.Select(r => r.Buyer).Distinct().Count());
        Assert.True(resales.Sum(r => r.FaceValue!.Value) > moreThan);
    }

    [Fact]
    public void The_largest_single_take_is_290_000_and_the_others_a_few_thousand_to_tens_of_thousands()
    {
        var losses = Facts.LossByVictim().Values.Order().ToList();

        Assert.Equal(290_000m, losses[^1]);
        Assert.All(losses[..^1], loss => Assert.InRange(loss, 2_000m, 99_999m));
    }

    [Fact]
    public void Each_caller_reaches_15_to_16_victims_a_month_and_every_victim_is_contacted()
    {
        var contacts = Events.OfType<VictimContacted>().ToList();
        var firstDay = contacts.Min(c => c.At.Date);
        var lastDay = contacts.Max(c => c.At.Date);
        var months = ((lastDay - firstDay).TotalDays + 1) / (365.25 / 12);

        Assert.All(contacts, c => Assert.Equal(AccountRole.Fraudster, Facts.RoleOf(c.By)));
        Assert.All(contacts.GroupBy(c => c.By), caller => Assert.InRange(caller.Count() / months, 15, 16));
        var victimAccounts = Facts.Accounts.Values.Where(a => a.Role == AccountRole.Victim).ToList();
        Assert.Equal(victimAccounts.Select(a => a.Holder).Distinct().Order(),
            contacts.Select(c => Facts.Accounts[c.Victim].Holder).Order());
    }

    [Fact]
    public void The_laundering_runs_from_the_end_of_April_to_early_June_2019()
    {
        var laundering = Events.Where(e => e is PrepaidValuePurchased or PrepaidValueTransferred or PrepaidValueResold).ToList();

        Assert.InRange(laundering.Min(e => e.At), Instant(2019, 4, 28), Instant(2019, 5, 1));
        Assert.InRange(laundering.Max(e => e.At), Instant(2019, 6, 1), Instant(2019, 6, 10));
    }

    [Fact]
    public void Helpers_sell_at_the_report_prices()
    {
        Assert.All(Events.OfType<OrderDataSold>(), d => Assert.InRange(d.PricePerRecord, 0.01m, 6m));
        Assert.All(Events.OfType<AccountsSold>().Where(a => a.Platform == "WeChat"), a => Assert.InRange(a.UnitPrice, 10m, 200m));
        Assert.All(Events.OfType<AccountsSold>().Where(a => a.Platform == "QQ"), a => Assert.InRange(a.UnitPrice, 10m, 99m));
        Assert.Equal([AccountRole.DataBroker], Events.OfType<OrderDataSold>().Select(d => Facts.RoleOf(d.Seller)).Distinct());
        Assert.All(Facts.Accounts.Values.Where(a => a.Role == AccountRole.DataBroker), a => Assert.StartsWith("Yang", a.Holder));
        Assert.Contains(Events, e => e is LoanDisbursed);
    }

    [Fact]
    public void Amounts_are_positive_with_at_most_two_decimals_and_times_are_Beijing_time()
    {
        var amounts = Events.SelectMany(Amounts).ToList();

        Assert.NotEmpty(amounts);
        Assert.All(amounts, a => Assert.True(a > 0 && a == decimal.Round(a, 2), a.ToString()));
        Assert.All(Events, e => Assert.Equal(TimeSpan.FromHours(8), e.At.Offset));
    }

    [Fact]
    public void The_reference_size_is_a_few_thousand_events()
    {
        Assert.InRange(Events.Count, 2_000, 20_000);
    }

    private static IEnumerable<decimal> Amounts(CaseEvent e) => e switch
    {
        LoanDisbursed l => [l.Amount],
        FundsTransferred t => [t.Amount],
        PrepaidValuePurchased p => [p.Paid, p.FaceValue],
        PrepaidValueTransferred t => [t.FaceValue ?? 0m],
        PrepaidValueResold r => [r.FaceValue ?? 0m, r.Price],
        OrderDataSold d => [d.PricePerRecord],
        AccountsSold a => [a.UnitPrice],
        _ => [],
    };

    private static DateTimeOffset Instant(int year, int month, int day) => new(year, month, day, 0, 0, 0, TimeSpan.FromHours(8));
}
