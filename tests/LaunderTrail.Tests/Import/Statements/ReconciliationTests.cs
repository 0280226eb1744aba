using System.Globalization;
using LaunderTrail.Import.Statements;

namespace LaunderTrail.Tests.Import.Statements;

public sealed class ReconciliationTests
{
    private static BalanceRow Row(long row, string at, decimal amount, decimal balance) =>
        new(row, DateTimeOffset.Parse(at + "+08:00", CultureInfo.InvariantCulture), amount, balance);

    [Fact]
    public void A_statement_whose_every_balance_follows_from_the_one_before_reconciles()
    {
        var result = Reconciliation.Check(
        [
            Row(4, "2019-04-29T10:00:00", 1000m, 1000m),
            Row(5, "2019-04-29T11:00:00", -300m, 700m),
            Row(6, "2019-04-30T09:00:00", 50.5m, 750.5m),
        ]);

        Assert.True(result.Reconciles);
        Assert.Equal(3, result.RowsChecked);
        Assert.False(result.NewestFirst);
    }

    [Fact]
    public void A_missing_row_is_a_break_naming_the_rows_around_it_the_missing_amount_and_the_dates_between()
    {
        var result = Reconciliation.Check(
        [
            Row(4, "2019-04-29T10:00:00", 1000m, 1000m),
            Row(5, "2019-04-29T11:00:00", -300m, 700m),
            // A withdrawal of 200 on 2019-05-01 is not in the statement.
            Row(6, "2019-05-03T09:00:00", 50m, 550m),
            Row(7, "2019-05-03T10:00:00", -50m, 500m),
        ]);

        var gap = Assert.Single(result.Breaks);
        Assert.Equal((5L, 6L, -200m), (gap.EarlierRow, gap.LaterRow, gap.Missing));
        Assert.Equal(
            "between row 5 and row 6 (dated 2019-04-29 to 2019-05-03): balance 550.00 where 750.00 follows; -200.00 is missing from the statement",
            gap.ToString());
    }

    [Fact]
    public void A_statement_listing_the_newest_row_first_is_checked_in_time_order()
    {
        var result = Reconciliation.Check(
        [
            Row(9, "2019-05-03T10:00:00", -50m, 500m),
            Row(8, "2019-05-03T09:00:00", 50m, 550m),
            Row(7, "2019-04-29T11:00:00", -300m, 700m),
            Row(6, "2019-04-29T10:00:00", 1000m, 1000m),
        ]);

        Assert.True(result.NewestFirst);
        var gap = Assert.Single(result.Breaks);
        Assert.Equal((7L, 8L, -200m), (gap.EarlierRow, gap.LaterRow, gap.Missing));
    }

    [Fact]
    public void A_failed_row_moves_nothing_and_keeps_the_balance()
    {
        var result = Reconciliation.Check(
        [
            Row(4, "2019-04-29T10:00:00", 1000m, 1000m),
            Row(5, "2019-04-29T11:00:00", 0m, 1000m),
            Row(6, "2019-04-29T12:00:00", -1m, 999m),
        ]);

        Assert.True(result.Reconciles);
    }
}
