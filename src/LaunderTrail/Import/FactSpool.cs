using System.Text;

namespace LaunderTrail.Import;

/// <summary>
/// The facts an import's checking pass accepted, in source order, in a temporary file: the writing pass reads them
/// back instead of parsing and validating the source a second time, and memory does not grow with the source (the
/// file is about as large as the source). The file is evidence: only its owner may read it, and on Unix its name
/// is removed as soon as it is open, so nothing is left on disk even if the import is killed.
/// </summary>
internal sealed class FactSpool : IAsyncDisposable
{
    private const int BufferSize = 1 << 16;

    private readonly FileStream _file;
    private readonly BinaryWriter _writer;
    private long _count;

    private FactSpool(FileStream file)
    {
        _file = file;
        _writer = new BinaryWriter(file, Encoding.UTF8, leaveOpen: true);
    }

    public static FactSpool Create()
    {
        var path = Path.Combine(Path.GetTempPath(), $"laundertrail-import-{Guid.NewGuid():N}.spool");
        var options = new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.ReadWrite,
            Share = FileShare.Delete,
            BufferSize = BufferSize,
            Options = FileOptions.SequentialScan | (OperatingSystem.IsWindows() ? FileOptions.DeleteOnClose : FileOptions.None),
        };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        var file = new FileStream(path, options);
        if (!OperatingSystem.IsWindows()) File.Delete(path);
        return new FactSpool(file);
    }

    public void Add(CheckedFact fact)
    {
        _writer.Write(fact.Line);
        _writer.Write(fact.BytesRead);
        _writer.Write(fact.Case);
        _writer.Write((ulong)(fact.Key.Value >> 64));
        _writer.Write((ulong)fact.Key.Value);
        _writer.Write(fact.Type);
        _writer.Write(fact.Canonical.Length);
        _writer.Write(fact.Canonical);
        _writer.Write(fact.Digest);
        _count++;
    }

    /// <summary>Every fact added, in the order added.</summary>
    public IEnumerable<CheckedFact> ReadAll()
    {
        _writer.Flush();
        _file.Position = 0;
        using var reader = new BinaryReader(_file, Encoding.UTF8, leaveOpen: true);
        for (long i = 0; i < _count; i++)
        {
            var line = reader.ReadInt64();
            var bytesRead = reader.ReadInt64();
            var @case = reader.ReadString();
            var key = new FactKey(((UInt128)reader.ReadUInt64() << 64) | reader.ReadUInt64());
            var type = reader.ReadString();
            var canonical = reader.ReadBytes(reader.ReadInt32());
            var digest = reader.ReadBytes(32);
            yield return new CheckedFact(line, bytesRead, @case, key, type, canonical, digest);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _writer.DisposeAsync();
        await _file.DisposeAsync();
    }
}
