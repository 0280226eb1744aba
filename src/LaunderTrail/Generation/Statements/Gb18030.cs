using System.Text;

namespace LaunderTrail.Generation.Statements;

/// <summary>
/// GB18030 (code page 54936), the encoding of Chinese banks' and Alipay's CSV exports. Never code page 936 (GBK),
/// which turns characters outside GBK into "?". A character it cannot encode is an error, never replaced.
/// </summary>
internal static class Gb18030
{
    public static Encoding Encoding { get; } = Create();

    private static Encoding Create()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(54936, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
    }
}
