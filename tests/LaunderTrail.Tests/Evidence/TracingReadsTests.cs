using System.Text.Json;
using LaunderTrail.Evidence;
using Xunit;

namespace LaunderTrail.Tests.Evidence;

public sealed class TracingReadsTests
{
    private const string Transfer =
        """{"id":"tx-1","case":"SQ-2019-515","type":"FundsTransferred","at":"2019-04-29T10:05:00+08:00","from":"acc-v1","to":"acc-gang-bank-1","amount":49950,"channel":"bank","source":"bank statement p.1","note":"minutes after the withdrawal"}""";

    [Fact]
    public void A_fact_read_for_tracing_has_every_field_but_its_source_and_note()
    {
        var full = JsonSerializer.Deserialize<FundsTransferred>(Transfer, EvidenceJson.Options)!;

        var forTracing = JsonSerializer.Deserialize<FundsTransferred>(Transfer, EvidenceJson.ForTracing)!;

        Assert.Equal(full with { Source = null, Note = null }, forTracing);
    }

    [Fact]
    public void Facts_read_for_tracing_share_their_repeated_strings_but_not_their_ids()
    {
        var first = JsonSerializer.Deserialize<FundsTransferred>(Transfer, EvidenceJson.ForTracing)!;

        var second = JsonSerializer.Deserialize<FundsTransferred>(Transfer, EvidenceJson.ForTracing)!;

        Assert.Same(first.To, second.To);
        Assert.Same(first.Case, second.Case);
        Assert.NotSame(first.Id, second.Id);
    }

    [Fact]
    public void Escaped_strings_read_for_tracing_are_unescaped()
    {
        var escaped = Transfer.Replace("\"to\":\"acc-gang-bank-1\"", "\"to\":\"acc-\\u00e9-\\\"bank\\\"\"");

        var forTracing = JsonSerializer.Deserialize<FundsTransferred>(escaped, EvidenceJson.ForTracing)!;

        Assert.Equal("acc-\u00e9-\"bank\"", forTracing.To);
        Assert.Equal("acc-\u00e9-bank", JsonSerializer.Deserialize<FundsTransferred>(
            Transfer.Replace("acc-gang-bank-1", "acc-\u00e9-bank"), EvidenceJson.ForTracing)!.To);
    }
}
