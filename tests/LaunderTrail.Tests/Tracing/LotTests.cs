using LaunderTrail.Evidence;
using LaunderTrail.Tracing;
using Xunit;

namespace LaunderTrail.Tests.Tracing;

/// <summary>Lots are fungible inside: parts of a lot carry each origin's share in proportion, under both rules.</summary>
public sealed class LotTests
{
    private static CaseFacts LotOfMixedOrigin() => new CaseFacts()
        .Victim("A", "Victim A")
        .Victim("B", "Victim B")
        .Identify("G", "Gang", AccountRole.Fraudster)
        .Identify("MID", "Middleman", AccountRole.Middleman)
        .Identify("M", "Merchant", AccountRole.CardMerchant)
        .Transfer(9, "A", "G", 100)
        .Transfer(10, "B", "G", 300)
        .Purchase(11, "L", "G", paid: 400, faceValue: 400, product: "Suning card");

    [Theory]
    [InlineData(TracingRule.Fifo)]
    [InlineData(TracingRule.ProRata)]
    public void Partial_transfer_and_resale_take_each_origin_in_proportion(TracingRule rule)
    {
        // Given a lot of 400 that is A's 100 and B's 300
        var facts = LotOfMixedOrigin()
            // When a quarter is handed to the middleman, who resells 40 of it at 0.9 into the gang's account
            .HandOver(12, "L", "G", "MID", faceValue: 100)
            .Resale(13, "L", "MID", "M", price: 36, faceValue: 40, paidTo: "G");

        var report = facts.Trace(rule);

        // Then every part is a quarter A's and three quarters B's
        var a = report.Victim("Victim A");
        var b = report.Victim("Victim B");
        Assert.Equal(new ReachedRow("M", "Merchant", 10m, 9m), a.Reached.Single());
        Assert.Equal(new ReachedRow("M", "Merchant", 30m, 27m), b.Reached.Single());
        Assert.Equal((9m, 75m), (a.HoldingAt("G")!.Cash, a.HoldingAt("G")!.FaceValue));
        Assert.Equal(15m, a.HoldingAt("MID")!.FaceValue);
        Assert.Equal(45m, b.HoldingAt("MID")!.FaceValue);
        Assert.Equal(new MerchantRow("M", "Merchant", "Suning card", 40m, 36m, 1), report.Merchants.Single());
        Assert.Equal(0.9m, report.Merchants.Single().DiscountRate);
    }

    [Fact]
    public void Thirds_of_a_lot_add_up_to_the_whole_exactly()
    {
        // Given a lot of 300 that is A's 100 and B's 200
        var facts = new CaseFacts()
            .Victim("A", "Victim A")
            .Victim("B", "Victim B")
            .Identify("G", "Gang", AccountRole.Fraudster)
            .Identify("MID", "Middleman", AccountRole.Middleman)
            .Transfer(9, "A", "G", 100)
            .Transfer(10, "B", "G", 200)
            .Purchase(11, "L", "G", paid: 300, faceValue: 300)
            // When 100 of it is handed over, a third of it A's
            .HandOver(12, "L", "G", "MID", faceValue: 100);

        var report = facts.Trace(TracingRule.ProRata);

        // Then the shares are repeating fractions that still add up to exactly 100 and 200
        var a = report.Victim("Victim A").HoldingAt("MID")!.FaceValue;
        var b = report.Victim("Victim B").HoldingAt("MID")!.FaceValue;
        Assert.NotEqual(Math.Round(a, 2), a);
        Assert.Equal(100m, a + b);
        Assert.Equal(300m, a + b + report.Victim("Victim A").HoldingAt("G")!.FaceValue + report.Victim("Victim B").HoldingAt("G")!.FaceValue);
    }

    [Fact]
    public void A_second_purchase_of_a_lot_is_a_problem_left_out_of_the_figures()
    {
        // Given a lot already bought
        var facts = LotOfMixedOrigin()
            // When the same lot id is bought again
            .Purchase(12, "L", "G", paid: 50, faceValue: 50, id: "p-twice");

        var report = facts.Trace(TracingRule.Fifo);

        // Then the second purchase is a problem and changes no figure
        Assert.Equal("p-twice", report.Problems.Single().Id);
        Assert.Equal((400m, 400m), (report.Totals.PrepaidFaceValue, report.Totals.PrepaidPaid));
        Assert.Equal(100m, report.Victim("Victim A").HoldingAt("G")!.FaceValue);
    }

    [Theory]
    [InlineData("A", "M")]
    [InlineData("G", "B")]
    public void A_resale_by_or_to_a_victim_account_is_a_problem_left_out_of_the_figures(string seller, string buyer)
    {
        // Given value of a lot
        var facts = LotOfMixedOrigin()
            // When a victim account resells it or buys it
            .Resale(12, "L", seller, buyer, price: 90, faceValue: 100, id: "r-victim");

        var report = facts.Trace(TracingRule.ProRata);

        // Then the resale is a problem and moves nothing
        Assert.Equal("r-victim", report.Problems.Single().Id);
        Assert.Empty(report.Merchants);
        Assert.Equal((0m, 0m), (report.Totals.ResoldFaceValue, report.Totals.ResaleCash));
        Assert.Equal(100m, report.Victim("Victim A").HoldingAt("G")!.FaceValue);
    }

    [Fact]
    public void A_resale_of_a_lot_the_seller_does_not_hold_is_a_problem()
    {
        // Given a lot the middleman never received
        var facts = LotOfMixedOrigin()
            // When he resells "all he has" of it
            .Resale(12, "L", "MID", "M", price: 90, id: "r-nothing");

        var report = facts.Trace(TracingRule.Fifo);

        // Then the resale is a problem and the merchant is not in the report
        Assert.Equal("r-nothing", report.Problems.Single().Id);
        Assert.Empty(report.Merchants);
    }

    [Theory]
    [InlineData(TracingRule.Fifo)]
    [InlineData(TracingRule.ProRata)]
    public void A_resale_that_happened_before_the_lots_purchase_counts_under_the_product_bought(TracingRule rule)
    {
        // Given a merchant who bought 100 of lot Q at 86 before the gang's purchase of Q is dated
        var facts = LotOfMixedOrigin()
            .Resale(10.5, "Q", "MID", "M", price: 86, faceValue: 100)
            .Purchase(12, "Q", "G", paid: 0, faceValue: 100, product: "Q coin")
            // and, after the purchase, 200 of lot L at 194 and the other 100 of Q at 86
            .HandOver(13, "L", "G", "MID", faceValue: 200)
            .Resale(14, "L", "MID", "M", price: 194, faceValue: 200)
            .Resale(15, "Q", "G", "M", price: 86, faceValue: 100);

        var report = facts.Trace(rule);

        // Then both resales of Q are one row of Q coins, and the Suning cards another
        Assert.Equal(
            [new MerchantRow("M", "Merchant", "Q coin", 200m, 172m, 2), new MerchantRow("M", "Merchant", "Suning card", 200m, 194m, 1)],
            report.Merchants);
    }

    [Fact]
    public void A_lot_resold_before_it_was_bought_twice_counts_under_the_first_purchases_product()
    {
        // Given a merchant who bought 100 of lot Q before any purchase of Q is dated
        var facts = LotOfMixedOrigin()
            .Resale(10.5, "Q", "MID", "M", price: 86, faceValue: 100)
            // When Q is bought as Q coins, then bought again as Suning cards
            .Purchase(12, "Q", "G", paid: 0, faceValue: 100, product: "Q coin")
            .Purchase(13, "Q", "G", paid: 0, faceValue: 100, product: "Suning card", id: "p-again");

        var report = facts.Trace(TracingRule.Fifo);

        // Then the resale counts under Q coins, and the second purchase is a problem
        Assert.Equal(new MerchantRow("M", "Merchant", "Q coin", 100m, 86m, 1), report.Merchants.Single());
        Assert.Equal("p-again", report.Problems.Single().Id);
    }
}
