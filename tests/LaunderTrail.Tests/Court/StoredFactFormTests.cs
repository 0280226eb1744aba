using System.Buffers;
using System.Text;
using LaunderTrail.Cases;
using LaunderTrail.Court;
using LaunderTrail.Evidence;
using LaunderTrail.Tests.Support;

namespace LaunderTrail.Tests.Court;

/// <summary>
/// The canonical bytes rebuilt from what PostgreSQL's jsonb gives back are the canonical bytes recorded, for every fact
/// type and for text that needs escaping; and a stored form that says the same in other bytes is not taken for it.
/// </summary>
public sealed class StoredFactFormTests(PostgresServer server) : StoreFixture(server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> Facts()
    {
        var facts = new TheoryData<string>(Lines.OneOfEachType);
        facts.Add("""{"id":"t-\"q\"","case":"T-1","type":"FundsTransferred","at":"2019-04-29T10:05:00.1234567-03:30","from":"a\\b","to":"c\td\ne\u0001","amount":0.000001,"note":"郑女士 <b>&amp;</b> ' + \u2028 😀 \u00e9"}""");
        facts.Add("""{"id":"o-2","case":"T-1","type":"OrderDataSold","at":"2019-04-27T12:00:00Z","seller":"s","buyer":"b","records":1,"pricePerRecord":79228162514264337593543950335,"victims":[]}""");
        return facts;
    }

    private async Task<byte[]> AsJsonbAsync(string json)
    {
        await using var command = Store.Db.CreateCommand("select $1::jsonb");
        command.Parameters.AddWithValue(json);
        await using var reader = await command.ExecuteReaderAsync(Ct);
        await reader.ReadAsync(Ct);
        return reader.GetFieldValue<byte[]>(0);
    }

    private static byte[] Rebuilt(byte[] stored)
    {
        var output = new ArrayBufferWriter<byte>();
        using var writer = StoredFactForm.NewWriter(output);
        StoredFactForm.Write(stored, output, writer);
        return output.WrittenSpan.ToArray();
    }

    [Theory]
    [MemberData(nameof(Facts))]
    public async Task The_canonical_bytes_come_back_from_jsonb_unchanged(string line)
    {
        var canonical = CanonicalFact.Bytes(CaseHistory.ReadFact(line));
        var stored = await AsJsonbAsync(Encoding.UTF8.GetString(canonical));

        Assert.NotEqual(canonical, stored);
        Assert.Equal(Encoding.UTF8.GetString(canonical), Encoding.UTF8.GetString(Rebuilt(stored)));
    }

    [Theory]
    [InlineData("\"amount\":1990", "\"amount\":1990.0")]
    [InlineData("\"at\":\"2019-05-02T10:15:00+08:00\"", "\"at\":\"2019-05-02T10:15:00.000+08:00\"")]
    [InlineData(",\"currency\":\"CNY\"", "")]
    [InlineData(",\"channel\":\"bank\"", ",\"channel\":\"bank\",\"note\":null")]
    public async Task The_same_fact_written_otherwise_does_not_give_its_canonical_bytes(string recorded, string altered)
    {
        const string fact = """{"id":"f-2","case":"EX-2","type":"FundsTransferred","at":"2019-05-02T10:15:00+08:00","from":"zhang-bank","to":"g-1","amount":1990,"channel":"bank","currency":"CNY"}""";
        var canonical = CanonicalFact.Bytes(CaseHistory.ReadFact(fact));
        Assert.Equal(fact, Encoding.UTF8.GetString(canonical));

        var stored = await AsJsonbAsync(fact.Replace(recorded, altered));

        Assert.NotEqual(canonical, Rebuilt(stored));
    }

    [Theory]
    [InlineData("""{"id":"f-2","case":"EX-2","type":"FundsTransferred","at":"2019-05-02T10:15:00+08:00","from":"a","to":"b","amount":1,"extra":1}""", "a key its type does not have: extra")]
    [InlineData("""{"id":"f-2","case":"EX-2","type":"Gift","at":"2019-05-02T10:15:00+08:00"}""", "its type 'Gift' is not a fact type")]
    [InlineData("""{"id":"f-2","case":"EX-2","at":"2019-05-02T10:15:00+08:00"}""", "it has no type")]
    [InlineData("""{"id":"f-2","case":"EX-2","type":"FundsTransferred","at":"2019-05-02T10:15:00+08:00","from":{"a":1},"to":"b","amount":1}""", "it holds an object where a fact has none")]
    public async Task A_stored_form_that_is_no_fact_of_its_type_is_refused(string json, string why)
    {
        var stored = await AsJsonbAsync(json);

        var refusal = Assert.Throws<InvalidDataException>(() => Rebuilt(stored));

        Assert.Contains(why, refusal.Message);
    }
}
