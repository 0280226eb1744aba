using System.Security.Cryptography;

namespace LaunderTrail.Court;

/// <summary>
/// Passes what is written on to another stream and keeps the SHA-256 and the length of it: what the manifest states of
/// a bundle file, whatever the file is written to (a file, a zip entry, a comparison), none of which need tell its length.
/// </summary>
internal sealed class HashingStream(Stream target) : Stream
{
    private readonly IncrementalHash _sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private long _written;

    /// <summary>The SHA-256 of everything written.</summary>
    public byte[] Sha256() => _sha256.GetCurrentHash();

    public override long Length => _written;

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        target.Write(buffer);
        _sha256.AppendData(buffer);
        _written += buffer.Length;
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Flush() => target.Flush();

    protected override void Dispose(bool disposing)
    {
        if (disposing) _sha256.Dispose();
        base.Dispose(disposing);
    }

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}
