using LaunderTrail.Import;

namespace LaunderTrail.Tests.Import;

/// <summary>Every kind of bad line is named with its field and a reason a person can act on.</summary>
public sealed class CheckingLinesTests
{
    private const string Envelope = "\"id\":\"t-1\",\"case\":\"T-1\",\"at\":\"2019-04-29T10:05:00+08:00\"";

    public static TheoryData<string, string> BadLines() => new()
    {
        { "{\"id\": \"t-1\", ", "line: malformed JSON: Expected start of a property name or value, but instead reached end of data" },
        { "[1, 2]", "line: must be a JSON object" },
        { $"{{{Envelope},\"type\":\"CardEvent2\"}}", "type: unknown event type 'CardEvent2'" },
        { $"{{{Envelope}}}", "type: is required: one of AccountIdentified, LoanDisbursed, FundsTransferred, PrepaidValuePurchased, PrepaidValueTransferred, PrepaidValueResold, OrderDataSold, AccountsSold, VictimContacted, EventRetracted" },
        { "{\"id\":\"t-1\",\"case\":\"T-1\",\"type\":\"FundsTransferred\",\"at\":\"2019-04-29T10:05:00\",\"from\":\"a\",\"to\":\"b\",\"amount\":1}", "at: must be an ISO-8601 time with an offset, e.g. 2019-04-29T10:05:00+08:00" },
        { "{\"id\":\"t-1\",\"case\":\"T-1\",\"type\":\"FundsTransferred\",\"at\":\"29/04/2019\",\"from\":\"a\",\"to\":\"b\",\"amount\":1}", "at: must be an ISO-8601 time with an offset, e.g. 2019-04-29T10:05:00+08:00" },
        { $"{{{Envelope},\"type\":\"FundsTransferred\",\"from\":\"a\",\"amount\":1}}", "to: is required" },
        { $"{{{Envelope},\"type\":\"FundsTransferred\",\"from\":\"a\",\"to\":\"b\",\"amount\":0}}", "amount: must be greater than 0" },
        { $"{{{Envelope},\"type\":\"FundsTransferred\",\"from\":\"a\",\"to\":\"b\",\"amount\":-3}}", "amount: must be greater than 0" },
        { $"{{{Envelope},\"type\":\"FundsTransferred\",\"from\":\"a\",\"to\":\"b\",\"amount\":1.005}}", "amount: must have at most 2 decimals" },
        { $"{{{Envelope},\"type\":\"FundsTransferred\",\"from\":\"a\",\"to\":\"b\",\"amount\":\"100\"}}", "amount: must be a JSON number" },
        { $"{{{Envelope},\"type\":\"FundsTransferred\",\"from\":\"a\",\"to\":\"a\",\"amount\":1}}", "to: must differ from from" },
        { $"{{{Envelope},\"type\":\"FundsTransferred\",\"from\":\"a\",\"to\":\"b\",\"amount\":1,\"amout\":1}}", "amout: unknown field" },
        { $"{{{Envelope},\"type\":\"FundsTransferred\",\"from\":\"a\",\"to\":\"b\",\"amount\":1,\"channel\":\"pigeon\"}}", "channel: must be one of: bank, alipay, wechat, cash, other" },
        { $"{{{Envelope},\"type\":\"FundsTransferred\",\"from\":\"a\",\"to\":\"b\",\"amount\":1,\"currency\":\"yuan\"}}", "currency: must be an ISO 4217 code such as CNY" },
        { $"{{{Envelope},\"type\":\"FundsTransferred\",\"from\":\" \",\"to\":\"b\",\"amount\":1}}", "from: must not be empty" },
        { $"{{{Envelope},\"type\":\"AccountsSold\",\"seller\":\"s\",\"buyer\":\"b\",\"platform\":\"QQ\",\"count\":2.5,\"unitPrice\":10}}", "count: must be a whole number" },
        { $"{{{Envelope},\"type\":\"AccountsSold\",\"seller\":\"s\",\"buyer\":\"b\",\"platform\":\"QQ\",\"count\":0,\"unitPrice\":10}}", "count: must be a whole number greater than 0" },
        { $"{{{Envelope},\"type\":\"AccountIdentified\",\"account\":\"a\",\"holder\":\"h\",\"role\":\"boss\"}}", "role: must be one of: victim, fraudster, middleman, card-merchant, data-broker, account-merchant, lender, issuer, other" },
        { "{\"id\":\"\",\"case\":\"T-1\",\"type\":\"VictimContacted\",\"at\":\"2019-04-29T10:05:00+08:00\",\"victim\":\"v\",\"by\":\"b\",\"channel\":\"phone\"}", "id: must not be empty" },
        { $"{{{Envelope},\"type\":\"EventRetracted\",\"retracts\":\"t-1\",\"reason\":\"typo\"}}", "retracts: a fact cannot retract itself" },
    };

    [Theory]
    [MemberData(nameof(BadLines))]
    public void A_bad_line_is_refused_naming_the_field_and_the_reason(string line, string expected)
    {
        var (fact, errors) = FactParser.Parse(line);

        Assert.Null(fact);
        Assert.Contains(expected, errors.Select(e => $"{e.Field}: {e.Reason}"));
    }

    [Fact]
    public void Every_missing_field_of_a_line_is_named()
    {
        var (_, errors) = FactParser.Parse($"{{{Envelope},\"type\":\"PrepaidValueResold\",\"seller\":\"mid\"}}");

        Assert.Equal(["lot: is required", "buyer: is required", "price: is required"],
            errors.Select(e => $"{e.Field}: {e.Reason}"));
    }

    [Fact]
    public void An_error_is_written_in_the_compiler_convention()
    {
        Assert.Equal("case.jsonl:12: amount: must be greater than 0",
            new LineError("case.jsonl", 12, "amount", "must be greater than 0").ToString());
    }
}
