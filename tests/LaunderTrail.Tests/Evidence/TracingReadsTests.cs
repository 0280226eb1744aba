using System.Text.Json;
using LaunderTrail.Cases;
using LaunderTrail.Evidence;
using Xunit;

namespace LaunderTrail.Tests.Evidence;

public sealed class TracingReadsTests
{
    private const string Transfer =
        """{"id":"tx-1","case":"SQ-2019-515","type":"FundsTransferred","at":"2019-04-29T10:05:00+08:00","from":"acc-v1","to":"acc-gang-bank-1","amount":49950,"channel":"bank","source":"bank statement p.1","note":"minutes after the withdrawal"}""";

    [Fact]
    public void A_fact_read_for_tracing_has_only_the_fields_tracing_reads()
    {
        var full = JsonSerializer.Deserialize<FundsTransferred>(Transfer, EvidenceJson.Options)!;

        var forTracing = JsonSerializer.Deserialize<FundsTransferred>(Transfer, EvidenceJson.ForTracing)!;

        Assert.Equal(full with { Case = null!, Channel = null, Source = null, Note = null }, forTracing);
    }

    [Fact]
    public void A_helper_fact_read_for_tracing_keeps_only_its_id_and_instant()
    {
        const string contact =
            """{"id":"c-1","case":"SQ-2019-515","type":"VictimContacted","at":"2019-04-29T09:00:00+08:00","victim":"acc-v1","by":"acc-caller-1","channel":"phone"}""";

        var forTracing = JsonSerializer.Deserialize<VictimContacted>(contact, EvidenceJson.ForTracing)!;

        Assert.Equal(("c-1", DateTimeOffset.Parse("2019-04-29T09:00:00+08:00")), (forTracing.Id, forTracing.At));
        Assert.Null(forTracing.Victim);
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

    [Theory]
    [InlineData("2019-04-29T10:05:00+08:00")]
    [InlineData("2019-04-29T10:05:00.1234567-05:30")]
    [InlineData("2019-12-31T23:59:59.5+00:00")]
    [InlineData("2019-04-29T10:05Z")]
    [InlineData("2019-01-01T00:00:00+14:00")]
    public void An_instant_read_for_tracing_from_its_stored_form_is_the_instant_imported(string at)
    {
        var imported = JsonSerializer.Deserialize<FundsTransferred>(Transfer.Replace("2019-04-29T10:05:00+08:00", at), EvidenceJson.Options)!;

        var forTracing = JsonSerializer.Deserialize<FundsTransferred>(CanonicalFact.Bytes(imported), EvidenceJson.ForTracing)!;

        Assert.Equal(imported.At, forTracing.At);
        Assert.Equal(imported.At.Offset, forTracing.At.Offset);
    }

    [Theory]
    [InlineData("""{"id":"x-1","type":"FundsSmuggled"}""", "unknown type 'FundsSmuggled'")]
    [InlineData("""{"id":"x-1","type":"Funds\u0053muggled"}""", "unknown type 'FundsSmuggled'")]
    [InlineData("""{"id":"x-1","type":"FundsTransferredFundsTransferredFundsTransferredFundsTransferred"}""", "unknown type 'FundsTransferredFundsTransferredFundsTransferredFundsTransferred'")]
    [InlineData("""{"id":"x-1"}""", "without a type")]
    public void A_stored_fact_of_no_known_type_is_refused_by_name(string json, string reason)
    {
        var refused = Assert.Throws<InvalidDataException>(() => CaseHistory.ReadFact(json));

        Assert.Contains(reason, refused.Message);
    }

    [Fact]
    public void A_stored_fact_whose_type_is_written_in_escapes_is_read_as_that_type()
    {
        var escaped = string.Concat("FundsTransferred".Select(c => $"\\u{(int)c:x4}"));

        var fact = CaseHistory.ReadFact(Transfer.Replace("\"FundsTransferred\"", $"\"{escaped}\""));

        Assert.IsType<FundsTransferred>(fact);
    }
}
