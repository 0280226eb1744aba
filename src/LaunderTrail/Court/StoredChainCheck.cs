using System.Security.Cryptography;
using System.Text.Json;
using LaunderTrail.Cases;
using LaunderTrail.Evidence;

namespace LaunderTrail.Court;

/// <summary>
/// Recomputes a case's digests and hash chain from the facts and recording times in the database and compares
/// them with the hashes stored when each fact was recorded: an edit made behind LaunderTrail's back shows here.
/// </summary>
public static class StoredChainCheck
{
    /// <returns>The first event that fails, or null when the whole chain holds.</returns>
    public static async Task<VerificationFailure?> RunAsync(CaseHistory history, string @case, CancellationToken ct)
    {
        var previous = HashChain.Genesis;
        var expectedSeq = 1L;
        await using var records = history.ReadAsync(@case, ct: ct).GetAsyncEnumerator(ct);
        while (true)
        {
            try
            {
                if (!await records.MoveNextAsync()) return null;
            }
            catch (Exception e) when (e is JsonException or InvalidDataException or NotSupportedException or InvalidCastException)
            {
                return new VerificationFailure($"event seq {expectedSeq}", $"its stored fact cannot be read: {e.Message}");
            }

            var recorded = records.Current;
            var place = $"event seq {recorded.Seq} (id {recorded.Fact.Id})";
            if (recorded.Seq != expectedSeq)
                return new VerificationFailure(place, $"expected seq {expectedSeq}: an event is missing or out of place");

            var canonical = CanonicalFact.Bytes(recorded.Fact);
            if (!string.Equals(HashChain.Hex(SHA256.HashData(canonical)), recorded.Digest, StringComparison.Ordinal))
                return new VerificationFailure(place, "the stored fact differs from what was recorded (its digest does not match)");

            var chain = HashChain.Next(previous, HashChain.RecordBytes(recorded.Seq, recorded.RecordedAt, canonical));
            if (!string.Equals(HashChain.Hex(chain), recorded.Chain, StringComparison.Ordinal))
                return new VerificationFailure(place, "the chain hash does not match: the record, its time or an earlier one was changed");

            previous = chain;
            expectedSeq++;
        }
    }
}
