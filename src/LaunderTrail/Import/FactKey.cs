using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace LaunderTrail.Import;

/// <summary>
/// A fact's identity (case + id) squeezed into 128 bits, so that checking a million lines for repeats keeps
/// 16 bytes per fact rather than its strings. A collision among 2^64 facts is as likely as not; cases are far smaller.
/// </summary>
internal readonly record struct FactKey(UInt128 Value)
{
    /// <summary>The first 128 bits of SHA-256 over the UTF-8 of <c>case + "\0" + id</c>.</summary>
    public static FactKey Of(string @case, string id)
    {
        var length = Encoding.UTF8.GetMaxByteCount(@case.Length + 1 + id.Length);
        var rented = length > 512 ? ArrayPool<byte>.Shared.Rent(length) : null;
        Span<byte> bytes = rented is null ? stackalloc byte[512] : rented;
        try
        {
            var written = Encoding.UTF8.GetBytes(@case, bytes);
            bytes[written++] = 0;
            written += Encoding.UTF8.GetBytes(id, bytes[written..]);
            Span<byte> hash = stackalloc byte[32];
            SHA256.HashData(bytes[..written], hash);
            return new FactKey(BinaryPrimitives.ReadUInt128BigEndian(hash));
        }
        finally
        {
            if (rented is not null) ArrayPool<byte>.Shared.Return(rented);
        }
    }

    public static UInt128 Prefix(ReadOnlySpan<byte> digest) => BinaryPrimitives.ReadUInt128BigEndian(digest);
}
