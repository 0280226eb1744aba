using System.IO.Compression;
using FluentValidation;
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
    // Fixed entry times keep the zip as reproducible as the files in it.
    private static readonly DateTimeOffset ZipEntryTime = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static ProblemDetails Validate(TimelineRequest request, IValidator<TimelineRequest> validator) =>
        QueryParameters.Check(validator, request);

    [WolverineGet("/cases/{caseNumber}/timeline")]
    [Authorize(Roles = Allowed.Bundles)]
    public static async Task<IResult> Get(string caseNumber, [FromQuery] TimelineRequest request, CaseHistory history, CancellationToken ct)
    {
        if (await StoredChainCheck.RunAsync(history, caseNumber, ct) is { } broken)
            return ApiProblems.Of(StatusCodes.Status409Conflict, "The recorded events were altered",
                $"case {caseNumber}: {broken}; no bundle is given out");

        var records = new List<ChainedRecord>();
        await foreach (var recorded in history.ReadAsync(caseNumber, request.KnownAtMoment, ct))
            records.Add(new ChainedRecord(recorded.Seq, recorded.RecordedAt, recorded.Fact));
        if (records.Count == 0) return ApiProblems.NoFacts(caseNumber);

        var parameters = new BundleParameters(caseNumber, request.AsOfMoment, request.KnownAtMoment, request.NamedRule);
        // The bundle goes to a temporary file and is sent from there: a large case's files are gigabytes.
        if (request.Format is { } format)
        {
            var (wanted, contentType) = TimelineRequest.Formats[format];
            var kept = Path.GetTempFileName();
            try
            {
                // The other files are made (the manifest needs them) but need not be kept anywhere.
                TimelineBundle.Write(records, parameters, GeneratorVersion.Current,
                    name => name == wanted ? File.Create(kept) : Stream.Null);
            }
            catch
            {
                File.Delete(kept);
                throw;
            }

            return Results.Stream(new FileStream(kept, FileMode.Open, FileAccess.Read, FileShare.None, 1 << 16, FileOptions.DeleteOnClose), contentType);
        }

        var zipped = TemporaryFile();
        try
        {
            using var zip = new ZipArchive(zipped, ZipArchiveMode.Create, leaveOpen: true);
            TimelineBundle.Write(records, parameters, GeneratorVersion.Current, name =>
            {
                var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
                entry.LastWriteTime = ZipEntryTime;
                return entry.Open();
            });
        }
        catch
        {
            zipped.Dispose();
            throw;
        }

        zipped.Position = 0;
        return Results.Stream(zipped, "application/zip", $"{caseNumber}-timeline.zip");
    }

    /// <summary>A file that is gone once closed.</summary>
    private static FileStream TemporaryFile() =>
        new(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
}
