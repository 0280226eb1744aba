using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace LaunderTrail.Access;

/// <summary>A key's secret: 32 random bytes, Base64Url; what is stored and looked up is its SHA-256, Base64Url.</summary>
public static class ApiKeySecret
{
    public static string New() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string secret) => Base64Url.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
