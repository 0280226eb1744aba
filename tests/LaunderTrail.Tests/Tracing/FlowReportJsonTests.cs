using System.Globalization;
using LaunderTrail.Evidence;
using LaunderTrail.Tracing;
using Xunit;

namespace LaunderTrail.Tests.Tracing;

public sealed class FlowReportJsonTests
{
    private static FlowReport Report(decimal loss, decimal faceValue, decimal price) => new(
        "T-1",
        null,
        TracingRule.ProRata,
        new FlowTotals(loss, 0m, 0m, faceValue, price),
        [new MerchantRow("M", "Merchant", "Q coin", faceValue, price, 1)],
        [new VictimRow("Victim A", ["A"], loss, [], [new HoldingRow("G", "Gang", AccountRole.Fraudster, -0.004m, 1234567.5m)], [])],
        [new Problem("z-2", "second"), new Problem("a-1", "first")],
        []);

    [Fact]
    public void Report_is_written_byte_identical_under_another_culture()
    {
        // Given the mixed example case, traced
        var report = FlowTracer.Trace("EX-2", SpecExamples.ReadEvents("mixed-case.jsonl"), TracingRule.ProRata,
            new DateTimeOffset(2019, 5, 3, 10, 45, 0, TimeSpan.FromHours(8)));
        var invariant = WrittenUnder(CultureInfo.InvariantCulture, report);

        // When it is written under a culture with other separators and signs
        var foreign = WrittenUnder(CultureWithForeignSeparators(), report);

        // Then the bytes are the same, and decimals use a point
        Assert.Equal(invariant, foreign);
        Assert.Contains("\"victimLoss\": 28990.00,", foreign);
    }

    [Fact]
    public void Money_is_rounded_half_away_from_zero_to_two_decimals_and_rates_to_four_normalised()
    {
        // Given figures on the midpoints, a negative residue and a repeating discount rate
        var report = Report(loss: 2.675m, faceValue: 30m, price: 29.005m);

        // When the report is written
        var json = FlowReportJson.Write(report);

        // Then money has exactly two decimals and rates are normalised
        Assert.Contains("\"victimLoss\": 2.68,", json);
        Assert.Contains("\"price\": 29.01,", json);
        Assert.Contains("\"launderingCost\": 1.00", json);
        Assert.Contains("\"discountRate\": 0.9668,", json);
        Assert.Contains("\"cash\": 0.00,", json);
        Assert.Contains("\"faceValue\": 1234567.50", json);
    }

    [Fact]
    public void Whole_discount_rates_are_written_without_trailing_zeros()
    {
        // Given a resale at 97% of face value
        var report = Report(loss: 0m, faceValue: 100m, price: 97.00m);

        // When the report is written
        var json = FlowReportJson.Write(report);

        // Then the rate is 0.97, not 0.9700
        Assert.Contains("\"discountRate\": 0.97,", json);
    }

    [Fact]
    public void Layout_is_two_space_indented_with_newline_line_ends_and_problems_sorted_by_id()
    {
        // Given a report with problems out of order
        var report = Report(loss: 1m, faceValue: 2m, price: 1m);

        // When it is written
        var json = FlowReportJson.Write(report);

        // Then it starts and ends as the spec shows, with no carriage returns, and problems come by id
        Assert.StartsWith("{\n  \"case\": \"T-1\",\n  \"asOf\": null,\n  \"rule\": \"pro-rata\",\n  \"totals\": {\n    \"victimLoss\": 1.00,", json);
        Assert.EndsWith("}\n", json);
        Assert.DoesNotContain('\r', json);
        Assert.True(json.IndexOf("\"a-1\"", StringComparison.Ordinal) < json.IndexOf("\"z-2\"", StringComparison.Ordinal));
    }

    [Fact]
    public void Keys_come_in_the_order_of_the_spec()
    {
        // Given a traced case with every kind of row
        var report = FlowTracer.Trace("EX-1", SpecExamples.ReadEvents("worked-example.jsonl"), TracingRule.Fifo);

        // When it is written
        var json = FlowReportJson.Write(report);

        // Then its keys, in order, are the spec's
        string[] keys =
        [
            "\"case\"", "\"asOf\"", "\"rule\"", "\"totals\"", "\"victimLoss\"", "\"prepaidFaceValue\"", "\"prepaidPaid\"",
            "\"resoldFaceValue\"", "\"resaleCash\"", "\"launderingCost\"", "\"merchants\"", "\"account\"", "\"holder\"",
            "\"product\"", "\"faceValue\"", "\"price\"", "\"discountRate\"", "\"resales\"", "\"victims\"", "\"holder\"",
            "\"accounts\"", "\"loss\"", "\"reached\"", "\"account\"", "\"holder\"", "\"faceValue\"", "\"cash\"",
            "\"holdings\"", "\"account\"", "\"holder\"", "\"role\"", "\"cash\"", "\"faceValue\"",
        ];
        var position = 0;
        foreach (var key in keys)
        {
            var found = json.IndexOf(key, position, StringComparison.Ordinal);
            Assert.True(found >= 0, $"{key} missing after position {position}");
            position = found + key.Length;
        }
        Assert.Contains("\"problems\": []\n}", json);
    }

    private static string WrittenUnder(CultureInfo culture, FlowReport report)
    {
        var previous = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = culture;
            return FlowReportJson.Write(report);
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = previous;
        }
    }

    // The build runs in invariant-globalization mode, where de-DE or ar-SA cannot be created; a culture with
    // their separators shows the same thing: that nothing in the output depends on the current culture.
    private static CultureInfo CultureWithForeignSeparators()
    {
        var culture = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        culture.NumberFormat.NumberDecimalSeparator = ",";
        culture.NumberFormat.NumberGroupSeparator = ".";
        culture.NumberFormat.NegativeSign = "\u2212";
        culture.DateTimeFormat.TimeSeparator = ".";
        culture.DateTimeFormat.DateSeparator = "/";
        return culture;
    }
}
