using System.Text;

namespace LaunderTrail.Court;

/// <summary>
/// The court bundle of a case, as a pure function of its chained records and the parameters: no clock, no
/// culture, no time zone, no database. The same records give the same bytes, which is what lets anyone holding
/// events.jsonl and the manifest regenerate every file and compare.
/// </summary>
public static class TimelineBundle
{
    public const string EventsFileName = "events.jsonl";

    /// <param name="recordsInRecordingOrder">The case's records known at <see cref="BundleParameters.KnownAt"/>, seq 1, 2, … in order.</param>
    /// <param name="generator">The generator named in the manifest (<see cref="GeneratorVersion.Current"/>).</param>
    /// <returns>The files in the order they are listed: events.jsonl, the timeline files, manifest.json last.</returns>
    public static IReadOnlyList<BundleFile> Build(IReadOnlyList<ChainedRecord> recordsInRecordingOrder,
        BundleParameters parameters, string generator)
    {
        for (var i = 0; i < recordsInRecordingOrder.Count; i++)
        {
            if (recordsInRecordingOrder[i].Seq != i + 1)
                throw new ArgumentException(
                    $"A bundle holds the case's records from seq 1 without gaps; record {i + 1} has seq {recordsInRecordingOrder[i].Seq}.",
                    nameof(recordsInRecordingOrder));
        }

        var (events, chainHead) = EventsFile.Render(recordsInRecordingOrder);
        var model = TimelineModel.Build(recordsInRecordingOrder, parameters, chainHead);
        var files = new List<BundleFile>
        {
            new(EventsFileName, events),
            new("timeline.html", Encoding.UTF8.GetBytes(TimelineHtml.Render(model))),
            new("timeline.json", TimelineJson.Render(model)),
            new("timeline.md", Encoding.UTF8.GetBytes(TimelineMarkdown.Render(model))),
        };
        files.Add(new BundleFile(BundleManifest.FileName, BundleManifest.Render(generator, model, files)));
        return files;
    }
}
