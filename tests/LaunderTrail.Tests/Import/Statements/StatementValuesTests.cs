using LaunderTrail.Import.Statements;

namespace LaunderTrail.Tests.Import.Statements;

public sealed class StatementValuesTests
{
    [Theory]
    [InlineData("1,234.56", "1234.56")]
    [InlineData("¥28.16", "28.16")]
    [InlineData("￥1,000", "1000")]
    [InlineData("-50.00", "-50.00")]
    [InlineData("(50.00)", "-50.00")]
    [InlineData("+7", "7")]
    [InlineData("-¥3.50", "-3.50")]
    [InlineData("1234567.8", "1234567.8")]
    public void Amounts_are_read_as_statements_write_them(string cell, string expected) =>
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), StatementValues.Amount(cell).Value);

    [Theory]
    [InlineData("12,34.00", "'12,34.00' is not an amount")]
    [InlineData("1.234", "'1.234' has more than 2 decimals")]
    [InlineData("abc", "'abc' is not an amount")]
    [InlineData("1e5", "'1e5' is not an amount")]
    [InlineData("", "is empty")]
    public void An_amount_that_cannot_be_read_says_why(string cell, string reason) =>
        Assert.Equal(reason, StatementValues.Amount(cell).Problem);

    [Theory]
    [InlineData("进", Flow.In)]
    [InlineData("出", Flow.Out)]
    [InlineData("贷", Flow.In)]
    [InlineData("借", Flow.Out)]
    [InlineData("收入", Flow.In)]
    [InlineData("支出", Flow.Out)]
    [InlineData("收", Flow.In)]
    [InlineData("支", Flow.Out)]
    [InlineData("Cr", Flow.In)]
    [InlineData("DR", Flow.Out)]
    [InlineData("不计收支", Flow.Neither)]
    [InlineData("/", Flow.Neither)]
    public void Directions_are_read_in_every_convention(string cell, Flow expected) =>
        Assert.Equal(expected, StatementValues.Direction(cell).Value);

    [Fact]
    public void A_direction_that_is_none_of_them_is_refused() =>
        Assert.Equal("'转' is not a direction (进/出, 收入/支出, 借/贷, Dr/Cr)", StatementValues.Direction("转").Problem);

    [Theory]
    [InlineData("2019-04-29 10:05:00", "2019-04-29T10:05:00+08:00")]
    [InlineData("2019/4/29 10:05:00", "2019-04-29T10:05:00+08:00")]
    [InlineData("20190429100500", "2019-04-29T10:05:00+08:00")]
    [InlineData("2019-04-29 10:05", "2019-04-29T10:05:00+08:00")]
    [InlineData("2019-04-29T10:05:00+02:00", "2019-04-29T10:05:00+02:00")]
    public void Local_times_are_placed_at_the_statements_offset(string cell, string expected) =>
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            StatementValues.Time(cell, TimeSpan.FromHours(8)).Value);

    [Fact]
    public void A_time_that_cannot_be_read_says_why() =>
        Assert.Equal("'29.04.2019' is not a time (e.g. 2019-04-29 10:05:00)", StatementValues.Time("29.04.2019", TimeSpan.Zero).Problem);

    [Theory]
    [InlineData("成功", null)]
    [InlineData("交易成功", null)]
    [InlineData("已转账", null)]
    [InlineData("", null)]
    [InlineData("失败", "not completed (失败)")]
    [InlineData("交易关闭", "not completed (交易关闭)")]
    [InlineData("退款成功", "a refund (退款成功)")]
    [InlineData("已全额退款", "a refund (已全额退款)")]
    [InlineData("等待付款", "not completed (等待付款)")]
    public void Rows_that_record_no_completed_move_are_recognised_by_their_status(string status, string? reason) =>
        Assert.Equal(reason, StatementValues.NotCompleted(status));

    [Fact]
    public void Cells_lose_their_padding_their_tab_and_a_spreadsheets_text_guard()
    {
        Assert.Equal("6222020000001234", StatementValues.Clean("  6222020000001234\t"));
        Assert.Equal("6222020000001234", StatementValues.Clean("=\"6222020000001234\""));
        Assert.Equal("", StatementValues.Clean(" / "));
    }

    [Theory]
    [InlineData("6222****1234", "6222020000001234", true)]
    [InlineData("6222****1234", "6222020000005678", false)]
    [InlineData("****1234", "6222020000001234", true)]
    [InlineData("****", "6222020000001234", false)]
    public void A_masked_number_fits_the_accounts_that_start_and_end_as_shown(string masked, string account, bool fits) =>
        Assert.Equal(fits, Masked.Fits(masked, account));
}
