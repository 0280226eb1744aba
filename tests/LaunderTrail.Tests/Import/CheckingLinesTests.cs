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
        { $"{{{Envelope},\"type\":\"FundsTransferred\",\"from\":\"a\",\"to\":\"b\",\"amount\":1,\"currency\":\"CNY\\n\"}}", "currency: must be an ISO 4217 code such as CNY" },
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

    private static string Transfer(string from = "a", string to = "b", string amount = "1", string extra = "") =>
        $"{{{Envelope},\"type\":\"FundsTransferred\",\"from\":\"{from}\",\"to\":\"{to}\",\"amount\":{amount}{extra}}}";

    /// <summary>Lines an attacker or a careless tool writes: each is refused with its field and why, never let through.</summary>
    public static TheoryData<string, string> HostileLines() => new()
    {
        { Transfer(from: "a\\u0000b"), "from: holds U+0000, NUL, at character 2" },
        { Transfer(extra: ",\"note\":\"seen\\u0000\""), "note: holds U+0000, NUL, at character 5" },
        { Transfer(to: "b\u202Ec"), "to: holds U+202E, a bidirectional control that reorders how text reads, at character 2" },
        { Transfer(to: "\\u2067b"), "to: holds U+2067, a bidirectional control that reorders how text reads, at character 1" },
        { Transfer(to: "b\u200F"), "to: holds U+200F, a bidirectional mark that reorders how text reads, at character 2" },
        { Transfer(to: "b\u061C"), "to: holds U+061C, a bidirectional mark that reorders how text reads, at character 2" },
        { Transfer(to: "g\u200B1"), "to: holds U+200B, an invisible format character, at character 2" },
        { Transfer(to: "g\\t1"), "to: holds U+0009, a tab, at character 2" },
        { Transfer(to: "g\\n1"), "to: holds U+000A, a line break (names are one line), at character 2" },
        { Transfer(to: "g\\u00851"), "to: holds U+0085, a control character, at character 2" },
        { Transfer(extra: ",\"source\":\"p.1\\u202Ep.2\""), "source: holds U+202E, a bidirectional control that reorders how text reads, at character 4" },
        { Transfer(extra: ",\"note\":\"a\\u0007\""), "note: holds U+0007, a control character, at character 2" },
        { Transfer(to: "\\ud800"), "to: holds an unpaired surrogate escape (\\uD800-\\uDFFF without its pair), which is not a character" },
        { $"{{\"id\":\"t-1\",\"case\":\"{new string('C', 3000)}\",\"type\":\"FundsTransferred\",\"at\":\"2019-04-29T10:05:00+08:00\",\"from\":\"a\",\"to\":\"b\",\"amount\":1}}", "case: is 3,000 characters long; at most 256" },
        { Transfer(to: new string('b', 257)), "to: is 257 characters long; at most 256" },
        { Transfer(amount: "100,\"amount\":200"), "amount: is stated twice in one object; a fact states each field once" },
        { $"{{\"id\":\"t-1\",\"id\":\"t-2\",\"case\":\"T-1\",\"type\":\"VictimContacted\",\"at\":\"2019-04-29T10:05:00+08:00\",\"victim\":\"v\",\"by\":\"b\",\"channel\":\"phone\"}}", "id: is stated twice in one object; a fact states each field once" },
        { Transfer(extra: ",\"x\":[{\"deep\":1,\"deep\":2}]"), "deep: is stated twice in one object; a fact states each field once" },
        { Transfer(amount: "79228162514264337593543950335"), "amount: must be at most 1,000,000,000,000,000 (10^15)" },
        { Transfer(extra: ",\"\\udc00\":1"), "line: holds an unpaired surrogate escape (\\uD800-\\uDFFF without its pair), which is not a character" },
        { Transfer(amount: "1e28"), "amount: must be at most 1,000,000,000,000,000 (10^15)" },
        { Transfer(amount: "1000000000000000.01"), "amount: must be at most 1,000,000,000,000,000 (10^15)" },
        { Transfer(amount: "1e400"), "amount: is out of range: amounts are greater than 0 and at most 1,000,000,000,000,000 (10^15)" },
        { Transfer(amount: "-1e400"), "amount: is out of range: amounts are greater than 0 and at most 1,000,000,000,000,000 (10^15)" },
        { Transfer(amount: "100.000000000000000000000000001"), "amount: has more significant digits than an amount can hold exactly; amounts have at most 2 decimals" },
        { Transfer(amount: "1e-400"), "amount: must be greater than 0" },
        { $"{{{Envelope},\"type\":\"AccountsSold\",\"seller\":\"s\",\"buyer\":\"b\",\"platform\":\"QQ\",\"count\":2,\"unitPrice\":2e15}}", "unitPrice: must be at most 1,000,000,000,000,000 (10^15)" },
        { $"{{{Envelope},\"type\":\"OrderDataSold\",\"seller\":\"s\",\"buyer\":\"b\",\"records\":2,\"pricePerRecord\":1,\"victims\":[\"v\\u202E1\"]}}", "victims[0]: holds U+202E, a bidirectional control that reorders how text reads, at character 2" },
        { $"{{{Envelope},\"type\":\"OrderDataSold\",\"seller\":\"s\",\"buyer\":\"b\",\"records\":2,\"pricePerRecord\":1,\"victims\":[null]}}", "victims[0]: must be a string" },
        { $"{{{Envelope},\"type\":\"EventRetracted\",\"retracts\":\"t-0\",\"reason\":\"typo\\nhidden\"}}", "reason: holds U+000A, a line break (names are one line), at character 5" },
        { Transfer(extra: ",\"am\\u202Eount\":1"), "am\\u202Eount: unknown field" },
        { Transfer(extra: ",\"\":1"), "\"\": unknown field (a key with no name)" },
    };

    [Theory]
    [MemberData(nameof(HostileLines))]
    public void A_hostile_line_is_refused_naming_the_field_and_the_reason(string line, string expected)
    {
        var (fact, errors) = FactParser.Parse(line);

        Assert.Null(fact);
        Assert.Contains(expected, errors.Select(e => $"{e.Field}: {e.Reason}"));
    }

    [Theory]
    [InlineData(",\"note\":\"line one\\nline two\\r\\n\\tindented\"")]
    [InlineData(",\"source\":\"exhibit 7\\tpage 2\"")]
    [InlineData(",\"note\":\"Zhāng\u200D👩‍👧 \u4E2D\u6587 شریف\u200Cی\"")]
    public void Notes_and_sources_may_break_lines_hold_tabs_and_join_characters(string extra)
    {
        var (fact, errors) = FactParser.Parse(Transfer(extra: extra));

        Assert.Empty(errors);
        Assert.NotNull(fact);
    }

    [Fact]
    public void The_largest_amount_with_two_decimals_and_long_names_within_the_limit_are_accepted()
    {
        var (fact, errors) = FactParser.Parse(Transfer(from: new string('a', 256), to: "账户\U0002000B", amount: "1000000000000000.00"));

        Assert.Empty(errors);
        Assert.Equal(1_000_000_000_000_000m, ((LaunderTrail.Evidence.FundsTransferred)fact!).Amount);
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
