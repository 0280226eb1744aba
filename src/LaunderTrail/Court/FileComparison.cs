namespace LaunderTrail.Court;

/// <summary>
/// A write-only stream that compares what is written to it with a file, as it comes, so that a regenerated bundle file
/// of gigabytes is checked against the one on disk without either being held whole. Once closed,
/// <see cref="Difference"/> names the first line where they part. A missing file is compared with nothing.
/// </summary>
internal sealed class FileComparison(string path) : Stream
{
    private readonly FileStream? _file = File.Exists(path) ? File.OpenRead(path) : null;
    private byte[] _expected = [];
    private long _line = 1;
    private bool _closed;

    public bool Missing => _file is null;

    /// <summary>Null while the bytes agree; else where they first differ (read once the stream is closed).</summary>
    public string? Difference { get; private set; }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (_file is null || Difference is not null) return;
        if (_expected.Length < buffer.Length) _expected = new byte[buffer.Length];
        var expected = _expected.AsSpan(0, _file.ReadAtLeast(_expected.AsSpan(0, buffer.Length), buffer.Length, throwOnEndOfStream: false));
        var common = buffer[..expected.Length];
        var differs = common.CommonPrefixLength(expected);
        if (differs < common.Length)
        {
            Difference = $"first difference on line {_line + common[..differs].Count((byte)'\n')}";
            return;
        }

        _line += common.Count((byte)'\n');
        if (expected.Length < buffer.Length) Difference = $"lengths differ from line {_line} on";
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    protected override void Dispose(bool disposing)
    {
        if (disposing && !_closed)
        {
            _closed = true;
            if (_file is not null && Difference is null && _file.Position < _file.Length) Difference = $"lengths differ from line {_line} on";
            _file?.Dispose();
        }

        base.Dispose(disposing);
    }

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override void Flush() { }
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}
