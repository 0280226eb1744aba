using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using LaunderTrail.Court;
using LaunderTrail.Import;

namespace LaunderTrail.Tests.Import;

/// <summary>
/// The import's writer makes each fact's chain link and headers in its own reusable way; what it stores must stay
/// byte for byte what the chain's definition (<see cref="HashChain"/>) and the recorded headers say.
/// </summary>
public sealed class WriterWorkTests
{
    private static readonly DateTimeOffset RecordedAt = DateTimeOffset.Parse("2026-12-01T10:00:00.123456Z");

    private static readonly byte[][] Facts =
    [
        """{"id":"t-1","case":"C-1","type":"FundsTransferred","amount":"12.50"}"""u8.ToArray(),
        """{"id":"案件-2","case":"C-1","note":"<b>&'\"\u2028"}"""u8.ToArray(),
        Encoding.UTF8.GetBytes("{\"id\":\"" + new string('x', 5_000) + "\"}"),
    ];

    [Theory]
    [InlineData(1L)]
    [InlineData(9L)]
    [InlineData(10L)]
    [InlineData(999_999L)]
    [InlineData(long.MaxValue)]
    public void Each_link_is_the_chain_s_own(long seq)
    {
        using var linker = new ChainLinker(RecordedAt);
        var previous = SHA256.HashData("previous"u8);
        foreach (var fact in Facts)
        {
            var link = new byte[32];
            linker.Next(previous, seq, fact, link);

            Assert.Equal(HashChain.Next(previous, HashChain.RecordBytes(seq, RecordedAt, fact)), link);
            previous = link;
        }
    }

    [Fact]
    public void A_link_may_be_written_over_the_link_before_it()
    {
        using var linker = new ChainLinker(RecordedAt);
        var head = (byte[])HashChain.Genesis.Clone();

        linker.Next(head, 1, Facts[0], head);

        Assert.Equal(HashChain.Next(HashChain.Genesis, HashChain.RecordBytes(1, RecordedAt, Facts[0])), head);
    }

    [Theory]
    [InlineData("case.jsonl:1")]
    [InlineData("案件 <2019> & 'a\"b'.jsonl:1000000")]
    [InlineData("alipay.xlsx:Sheet1!12")]
    public void Headers_filled_with_the_chain_are_the_recorded_headers(string origin)
    {
        var digest = SHA256.HashData("fact"u8);
        var chain = SHA256.HashData("chain"u8);
        var recordedAt = HashChain.RenderRecordedAt(RecordedAt);

        var headers = FactHeaders.Template(digest, origin, recordedAt);
        FactHeaders.FillChain(headers, chain);

        Assert.Equal(Recorded(HashChain.Hex(digest), HashChain.Hex(chain), origin, recordedAt), Encoding.UTF8.GetString(headers));
    }

    /// <summary>The headers as they were recorded before the writer filled a template: one JSON writer over the four strings.</summary>
    private static string Recorded(string digest, string chain, string origin, string recordedAt)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("digest", digest);
            writer.WriteString("chain", chain);
            writer.WriteString("origin", origin);
            writer.WriteString("recordedAt", recordedAt);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    [Theory]
    [InlineData("C-1", "t-1")]
    [InlineData("案件", "交易流水号-0001")]
    [InlineData("C", "")]
    public void A_fact_key_is_sha_256_of_case_nul_id(string @case, string id)
    {
        var expected = FactKey.Prefix(SHA256.HashData(Encoding.UTF8.GetBytes(@case + "\0" + id)));

        Assert.Equal(expected, FactKey.Of(@case, id).Value);
        Assert.Equal(FactKey.Prefix(SHA256.HashData(Encoding.UTF8.GetBytes(@case + "\0" + new string('é', 600)))),
            FactKey.Of(@case, new string('é', 600)).Value);
    }
}
