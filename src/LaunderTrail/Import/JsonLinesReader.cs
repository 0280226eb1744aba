using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Unicode;

namespace LaunderTrail.Import;

/// <summary>
/// Splits a byte stream into JSON Lines (ended by LF or CR LF) and decodes each as strict UTF-8: a line that is
/// not UTF-8 is handed on as unreadable, naming the offending byte, never decoded with replacement characters
/// (that would silently change the evidence). A leading UTF-8 byte order mark is skipped; a source that is plainly
/// not text (<see cref="NotJsonLines"/>) is one unreadable line; a line longer than <see cref="MaxLineBytes"/> is
/// unreadable and skipped to its end, so memory stays bounded whatever the source holds.
/// </summary>
public static class JsonLinesReader
{
    /// <summary>The longest line read, in bytes: far above any fact (a sale naming ten thousand victims fits).</summary>
    public const int MaxLineBytes = 1 << 20;

    private const int InitialBuffer = 1 << 16;

    public static async IAsyncEnumerable<SourceLine> ReadAsync(Stream stream, [EnumeratorCancellation] CancellationToken ct)
    {
        var buffer = new byte[InitialBuffer];
        int start = 0, end = 0;
        long offset = 0; // bytes of the stream before buffer[start]
        long number = 0;
        var eof = false;

        while (end < NotJsonLines.Prefix && !eof)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(end), ct);
            if (read == 0) eof = true;
            end += read;
        }

        if (NotJsonLines.Describe(buffer.AsSpan(0, end)) is { } notText)
        {
            yield return new SourceLine(1, "", end, notText);
            yield break;
        }

        if (buffer.AsSpan(0, end).StartsWith(Encoding.UTF8.Preamble))
        {
            start = Encoding.UTF8.Preamble.Length;
            offset = start;
        }

        var skipping = false; // inside a line already refused as too long
        while (true)
        {
            var newline = buffer.AsSpan(start, end - start).IndexOf((byte)'\n');
            if (newline >= 0 || (eof && end > start))
            {
                var length = newline >= 0 ? newline : end - start;
                var consumed = newline >= 0 ? length + 1 : length;
                if (skipping)
                    skipping = false;
                else
                    yield return Decode(++number, buffer.AsSpan(start, length), offset + consumed);
                start += consumed;
                offset += consumed;
                continue;
            }

            if (eof) yield break;

            if (start > 0)
            {
                Buffer.BlockCopy(buffer, start, buffer, 0, end - start);
                end -= start;
                start = 0;
            }

            if (end == buffer.Length)
            {
                if (buffer.Length < MaxLineBytes)
                {
                    Array.Resize(ref buffer, Math.Min(buffer.Length * 2, MaxLineBytes));
                }
                else
                {
                    if (!skipping)
                        yield return new SourceLine(++number, "", offset + end,
                            $"is longer than {MaxLineBytes:N0} bytes: one fact per line, and no fact is that long");
                    skipping = true;
                    offset += end;
                    end = 0;
                }
            }

            var read = await stream.ReadAsync(buffer.AsMemory(end), ct);
            if (read == 0) eof = true;
            end += read;
        }
    }

    private static SourceLine Decode(long number, ReadOnlySpan<byte> line, long bytesRead)
    {
        if (line.EndsWith((byte)'\r')) line = line[..^1];
        if (!Utf8.IsValid(line)) return new SourceLine(number, "", bytesRead, NotUtf8(line));
        return new SourceLine(number, Encoding.UTF8.GetString(line), bytesRead);
    }

    /// <summary>Where the first byte of <paramref name="text"/> that is not UTF-8 stands (from 0); -1 when all of it is UTF-8.</summary>
    public static int FirstNonUtf8Byte(ReadOnlySpan<byte> text)
    {
        if (Utf8.IsValid(text)) return -1;
        var at = 0;
        while (System.Text.Rune.DecodeFromUtf8(text[at..], out _, out var used) == System.Buffers.OperationStatus.Done)
            at += used;
        return at;
    }

    private static string NotUtf8(ReadOnlySpan<byte> line)
    {
        var at = FirstNonUtf8Byte(line);
        return $"is not UTF-8 text (byte 0x{line[at]:X2} at byte {at + 1} of the line): save the file as UTF-8";
    }
}
