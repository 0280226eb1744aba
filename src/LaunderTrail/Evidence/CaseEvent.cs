using System.Text.Json.Serialization;

namespace LaunderTrail.Evidence;

/// <summary>
/// A recorded fact of a case, as the interchange format states it: the envelope every line carries.
/// Concrete facts are the sealed records beside this file.
/// </summary>
public abstract record CaseEvent
{
    /// <summary>The fact's own reference (bank transaction no., card serial batch, report no.).</summary>
    [JsonPropertyOrder(-5)]
    public required string Id { get; init; }

    [JsonPropertyOrder(-4)]
    public required string Case { get; init; }

    /// <summary>The interchange name of the fact's type, e.g. <c>FundsTransferred</c>.</summary>
    [JsonPropertyOrder(-3)]
    public string Type => EvidenceTypes.NameOf(GetType());

    /// <summary>When it happened, with the offset the evidence gave.</summary>
    [JsonPropertyOrder(-2)]
    public required DateTimeOffset At { get; init; }

    /// <summary>The evidence it comes from (statement, page, exhibit no.).</summary>
    [JsonPropertyOrder(100)]
    public string? Source { get; init; }

    [JsonPropertyOrder(101)]
    public string? Note { get; init; }
}
