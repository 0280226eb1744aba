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
    public static FactKey Of(string @case, string id)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(@case + "\0" + id), hash);
        return new FactKey(BinaryPrimitives.ReadUInt128BigEndian(hash));
    }

    public static UInt128 Prefix(ReadOnlySpan<byte> digest) => BinaryPrimitives.ReadUInt128BigEndian(digest);
}
