using System.Text;
using System.Text.Json;

namespace LaunderTrail.Court;

/// <summary>
/// Bundle files are written out as they are made, never held whole: the case of a few million facts gives files of
/// gigabytes, past what one .NET string (about a billion characters) or array (2 GB) can hold.
/// </summary>
internal static class BundleOutput
{
    /// <summary>UTF-8 without a byte-order mark: what every bundle file is.</summary>
    public static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private const int FlushAt = 1 << 20;

    /// <summary>Hands what <paramref name="text"/> holds to <paramref name="output"/> once it holds a megabyte or more.</summary>
    public static void FlushIfFull(StringBuilder text, TextWriter output)
    {
        if (text.Length < FlushAt) return;
        output.Write(text);
        text.Clear();
    }

    /// <summary>Hands what the writer holds to its stream once it holds a megabyte or more.</summary>
    public static void FlushIfFull(Utf8JsonWriter writer)
    {
        if (writer.BytesPending >= FlushAt) writer.Flush();
    }
}
