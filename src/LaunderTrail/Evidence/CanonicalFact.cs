using System.Security.Cryptography;
using System.Text.Json;

namespace LaunderTrail.Evidence;

/// <summary>
/// The one written form of a fact: interchange keys in a fixed order (id, case, type, at, the type's own
/// fields, currency, source, note), absent optional fields left out, amounts without trailing zeros, times
/// with the offset the evidence gave. Two lines that say the same thing have the same canonical bytes.
/// </summary>
public static class CanonicalFact
{
    public static byte[] Bytes(CaseEvent fact) =>
        JsonSerializer.SerializeToUtf8Bytes(fact, fact.GetType(), EvidenceJson.Options);

    /// <summary>SHA-256 of the canonical bytes: what "the same content" means for re-imports.</summary>
    public static byte[] Digest(CaseEvent fact) => SHA256.HashData(Bytes(fact));
}
