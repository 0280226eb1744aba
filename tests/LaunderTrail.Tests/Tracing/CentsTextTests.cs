using System.Globalization;
using System.Text;
using LaunderTrail.Tracing;
using Xunit;

namespace LaunderTrail.Tests.Tracing;

/// <summary>The reports' and graphs' figures are written as their custom formats write them, to the byte.</summary>
public sealed class CentsTextTests
{
    public static TheoryData<decimal> Amounts() =>
    [
        0m, 0.00m, 0.000m, -0m, -0.00m, -0.001m, 0.001m, 0.004m, 0.005m, 0.0049999m, -0.005m, 0.01m, 0.05m, 0.1m, 0.5m,
        0.50m, 1m, 1.0m, 9.995m, 10m, 21.5m, 99.99m, 99.999m, 172m, 172.00m, 4584.37m, 4584.365m, 4584.375m, -4584.37m,
        1234567.891m, 123456789012.345m, 999999999999999.99m, 999999999999999.995m, 1_000_000_000_000_000m,
        79228162514264337593543950335m, -79228162514264337593543950335m, 1m / 3m, 2m / 3m, -2m / 3m, 0.0000000000000000000000000001m,
    ];

    [Theory]
    [MemberData(nameof(Amounts))]
    public void Two_decimals_as_the_custom_format_writes_them(decimal amount) =>
        Assert.Equal(Money.ToCents(amount).ToString("0.00", CultureInfo.InvariantCulture),
            Written(amount, CentsText.TryWriteTwoDecimals));

    [Theory]
    [MemberData(nameof(Amounts))]
    public void One_or_two_decimals_as_the_custom_format_writes_them(decimal amount) =>
        Assert.Equal(Money.ToCents(amount).ToString("0.0#", CultureInfo.InvariantCulture),
            Written(amount, CentsText.TryWriteOneOrTwoDecimals));

    [Fact]
    public void Every_cent_up_to_a_thousand_is_written_as_the_custom_formats_write_it()
    {
        for (var cents = 0; cents <= 100_000; cents++)
        {
            var amount = cents / 100m;
            Assert.Equal(amount.ToString("0.00", CultureInfo.InvariantCulture), Written(amount, CentsText.TryWriteTwoDecimals));
            Assert.Equal(amount.ToString("0.0#", CultureInfo.InvariantCulture), Written(amount, CentsText.TryWriteOneOrTwoDecimals));
        }
    }

    private delegate bool Writer(decimal amount, Span<byte> utf8, out int written);

    private static string Written(decimal amount, Writer write)
    {
        Span<byte> utf8 = stackalloc byte[40];
        Assert.True(write(amount, utf8, out var length));
        return Encoding.UTF8.GetString(utf8[..length]);
    }
}
