using JasperFx.Events;
using LaunderTrail.Court;

namespace LaunderTrail.Import;

/// <summary>
/// What LaunderTrail records beside each fact: its content digest and chain hash (the tamper evidence), the
/// source line it came from, when and by whom it was recorded, and the import batch (Marten's correlation id).
/// </summary>
internal sealed record FactMetadata(string Digest, string Chain, string Origin, DateTimeOffset RecordedAt, string Batch, string RecordedBy)
{
    public const string DigestHeader = "digest";
    public const string ChainHeader = "chain";
    public const string OriginHeader = "origin";

    /// <summary>
    /// The recording time the chain covers. Marten stamps its own timestamp column on appends to an existing
    /// stream, so the moment that counts for the chain and for "as known at" travels in a header.
    /// </summary>
    public const string RecordedAtHeader = "recordedAt";

    public void ApplyTo(IEvent e)
    {
        e.Timestamp = RecordedAt;
        e.CorrelationId = Batch;
        e.UserName = RecordedBy;
        e.SetHeader(DigestHeader, Digest);
        e.SetHeader(ChainHeader, Chain);
        e.SetHeader(OriginHeader, Origin);
        e.SetHeader(RecordedAtHeader, HashChain.RenderRecordedAt(RecordedAt));
    }
}
