using System.IO.Compression;
using LaunderTrail.Api.Security;
using LaunderTrail.Cases;
using LaunderTrail.Court;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace LaunderTrail.Api.Cases;

/// <summary>
/// <c>GET /cases/{caseNumber}/timeline?rule=&amp;asOf=&amp;knownAt=</c>: the court bundle of <c>laundertrail timeline</c> as a
/// zip, or one of its timeline files with <c>?format=json|md|html</c>; its figures under <c>rule</c>, or fifo and pro-rata
/// side by side when none is named; refused when the case's stored hash chain does not hold.
/// </summary>
public static class TimelineEndpoint
{
    private static readonly Dictionary<string, (string File, string ContentType)> Formats = new(StringComparer.Ordinal)
    {
        ["json"] = ("timeline.json", "application/json"),
        ["md"] = ("timeline.md", "text/markdown; charset=utf-8"),
        ["html"] = ("timeline.html", "text/html; charset=utf-8"),
    };

    // Fixed entry times keep the zip as reproducible as the files in it.
    private static readonly DateTimeOffset ZipEntryTime = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static ProblemDetails Validate(string? format, string? rule, string? asOf, string? knownAt)
    {
        if (format is not null && !Formats.ContainsKey(format))
            return FlowQuery.Bad("format", "must be json, md or html (or absent for the whole bundle as a zip)");
        return FlowQuery.Check(rule, asOf, knownAt);
    }

    [WolverineGet("/cases/{caseNumber}/timeline")]
    [Authorize(Roles = Allowed.Bundles)]
    public static async Task<IResult> Get(string caseNumber, string? format, string? rule, string? asOf, string? knownAt,
        CaseHistory history, CancellationToken ct)
    {
        var moments = FlowQuery.Of(null, asOf, knownAt);
        if (await StoredChainCheck.RunAsync(history, caseNumber, ct) is { } broken)
            return ApiProblems.Of(StatusCodes.Status409Conflict, "The recorded events were altered",
                $"case {caseNumber}: {broken}; no bundle is given out");

        var records = new List<ChainedRecord>();
        await foreach (var recorded in history.ReadAsync(caseNumber, moments.KnownAt, ct))
            records.Add(new ChainedRecord(recorded.Seq, recorded.RecordedAt, recorded.Fact));
        if (records.Count == 0) return ApiProblems.NoFacts(caseNumber);

        var files = TimelineBundle.Build(records, new BundleParameters(caseNumber, moments.AsOf, moments.KnownAt, FlowQuery.RuleOf(rule)), GeneratorVersion.Current);
        if (format is not null)
        {
            var (name, contentType) = Formats[format];
            return Results.Bytes(files.Single(f => f.Name == name).Content, contentType);
        }

        return Results.Bytes(Zip(files), "application/zip", $"{caseNumber}-timeline.zip");
    }

    private static byte[] Zip(IReadOnlyList<BundleFile> files)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var file in files)
            {
                var entry = zip.CreateEntry(file.Name, CompressionLevel.Optimal);
                entry.LastWriteTime = ZipEntryTime;
                using var content = entry.Open();
                content.Write(file.Content);
            }
        }

        return buffer.ToArray();
    }
}
