using LaunderTrail.Court;
using LaunderTrail.Generation;

namespace LaunderTrail.Tests.Court;

/// <summary>
/// A court bundle is written out as it is made: for a case of a few million facts its files are gigabytes, past what one
/// .NET string or array can hold, so no file may be built whole before it is written.
/// </summary>
public sealed class StreamedBundleTests
{
    private const string Case = "SQ-STREAMED";

    [Fact]
    public void Every_file_of_a_large_bundle_reaches_its_stream_in_pieces_and_the_manifest_vouches_for_what_was_written()
    {
        var recordedAt = new DateTimeOffset(2026, 12, 2, 10, 0, 0, TimeSpan.Zero);
        var records = ReferenceCaseGenerator.Generate(new GenerationOptions(515, 6_000, Case))
            .Select((fact, i) => new ChainedRecord(i + 1, recordedAt, fact)).ToList();
        var streams = new Dictionary<string, WriteWatchingStream>();

        var names = TimelineBundle.Write(records, new BundleParameters(Case, null, null), "LaunderTrail (test build)",
            name => streams[name] = new WriteWatchingStream());

        Assert.Equal([TimelineBundle.EventsFileName, "timeline.html", "timeline.json", "timeline.md", BundleManifest.FileName], names);
        foreach (var name in names.SkipLast(1))
        {
            // The bundle closes each stream once its file is written; what a closed memory stream still gives is its bytes.
            var length = streams[name].ToArray().Length;
            Assert.True(length > 2 * 1_048_576, $"{name} holds {length} bytes: too small to show anything");
            Assert.True(streams[name].LargestWrite < length / 2, $"{name} ({length} bytes) was written in a piece of {streams[name].LargestWrite}");
        }

        var manifest = BundleManifest.Read(streams[BundleManifest.FileName].ToArray());
        foreach (var (name, sha256) in manifest.Files)
            Assert.Equal(sha256, HashChain.Hex(System.Security.Cryptography.SHA256.HashData(streams[name].ToArray())));
    }

    /// <summary>Keeps what is written, and the size of the largest single write.</summary>
    private sealed class WriteWatchingStream : MemoryStream
    {
        public long LargestWrite { get; private set; }

        public override void Write(byte[] buffer, int offset, int count)
        {
            LargestWrite = Math.Max(LargestWrite, count);
            base.Write(buffer, offset, count);
        }

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            LargestWrite = Math.Max(LargestWrite, buffer.Length);
            base.Write(buffer);
        }
    }
}
