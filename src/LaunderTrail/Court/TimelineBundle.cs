namespace LaunderTrail.Court;

/// <summary>
/// The court bundle of a case, as a pure function of its chained records and the parameters: no clock, no
/// culture, no time zone, no database. The same records give the same bytes, which is what lets anyone holding
/// events.jsonl and the manifest regenerate every file and compare.
/// </summary>
public static class TimelineBundle
{
    public const string EventsFileName = "events.jsonl";

    /// <summary>The bundle's files in memory, for a case small enough to hold them (an answer over HTTP, a test).</summary>
    /// <param name="recordsInRecordingOrder">The case's records known at <see cref="BundleParameters.KnownAt"/>, seq 1, 2, … in order.</param>
    /// <param name="generator">The generator named in the manifest (<see cref="GeneratorVersion.Current"/>).</param>
    /// <returns>The files in the order they are listed: events.jsonl, the timeline files, manifest.json last.</returns>
    public static IReadOnlyList<BundleFile> Build(IReadOnlyList<ChainedRecord> recordsInRecordingOrder,
        BundleParameters parameters, string generator)
    {
        var buffers = new List<(string Name, MemoryStream Buffer)>();
        Write(recordsInRecordingOrder, parameters, generator, name =>
        {
            var buffer = new MemoryStream();
            buffers.Add((name, buffer));
            return buffer;
        });
        return buffers.Select(b => new BundleFile(b.Name, b.Buffer.ToArray())).ToList();
    }

    /// <summary>
    /// Writes the bundle's files one after the other, each as it is made, so that no file is ever held whole: what a
    /// case of millions of facts needs (<see cref="BundleOutput"/>).
    /// </summary>
    /// <param name="recordsInRecordingOrder">The case's records known at <see cref="BundleParameters.KnownAt"/>, seq 1, 2, … in order.</param>
    /// <param name="generator">The generator named in the manifest (<see cref="GeneratorVersion.Current"/>).</param>
    /// <param name="create">Opens the stream a file of that name is written to; the bundle closes it when the file is written.</param>
    /// <returns>The names of the files written, in the order written: events.jsonl, the timeline files, manifest.json last.</returns>
    public static IReadOnlyList<string> Write(IReadOnlyList<ChainedRecord> recordsInRecordingOrder, BundleParameters parameters,
        string generator, Func<string, Stream> create)
    {
        for (var i = 0; i < recordsInRecordingOrder.Count; i++)
        {
            if (recordsInRecordingOrder[i].Seq != i + 1)
                throw new ArgumentException(
                    $"A bundle holds the case's records from seq 1 without gaps; record {i + 1} has seq {recordsInRecordingOrder[i].Seq}.",
                    nameof(recordsInRecordingOrder));
        }

        byte[] chainHead = [];
        var files = new List<BundleFileDigest>
        {
            WriteFile(EventsFileName, create, output => chainHead = EventsFile.Write(recordsInRecordingOrder, output)),
        };
        var model = TimelineModel.Build(recordsInRecordingOrder, parameters, chainHead);
        files.Add(WriteFile("timeline.html", create, output => WriteText(output, text => TimelineHtml.Write(model, text))));
        files.Add(WriteFile("timeline.json", create, output => TimelineJson.Write(model, output)));
        files.Add(WriteFile("timeline.md", create, output => WriteText(output, text => TimelineMarkdown.Write(model, text))));
        WriteFile(BundleManifest.FileName, create, output => BundleManifest.Write(generator, model, files, output));
        return [.. files.Select(f => f.Name), BundleManifest.FileName];
    }

    /// <summary>Writes one file through a SHA-256 that sees every byte on its way, for the manifest.</summary>
    private static BundleFileDigest WriteFile(string name, Func<string, Stream> create, Action<Stream> write)
    {
        using var target = create(name);
        using var hashed = new HashingStream(target);
        write(hashed);
        return new BundleFileDigest(name, HashChain.Hex(hashed.Sha256()), hashed.Length);
    }

    private static void WriteText(Stream output, Action<TextWriter> write)
    {
        using var text = new StreamWriter(output, BundleOutput.Utf8, bufferSize: 1 << 16, leaveOpen: true);
        write(text);
    }
}
