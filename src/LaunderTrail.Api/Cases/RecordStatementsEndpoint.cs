using LaunderTrail.Api.Recording;
using LaunderTrail.Api.Security;
using LaunderTrail.Import;
using LaunderTrail.Import.Statements;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Wolverine;
using Wolverine.Http;

namespace LaunderTrail.Api.Cases;

/// <summary>What a statement upload recorded: the importer's counts and, per statement, its rows and reconciliation.</summary>
public sealed record RecordedStatements(string Batch, long Recorded, long AlreadyRecorded,
    IReadOnlyList<StatementSummary> Statements, IReadOnlyList<string> AlreadyImported, IReadOnlyList<string> ForReview,
    IReadOnlyList<string> Unresolved);

/// <summary>One reason an upload was refused: the file as uploaded, its row, the column, and why.</summary>
public sealed record StatementError(string File, long Row, string Field, string Reason);

/// <summary>
/// <c>POST /cases/{caseNumber}/statements</c>: records uploaded statements (multipart/form-data) with the import of
/// <c>laundertrail import</c>: the same reading, matching, reconciliation and checks, all or nothing, idempotent. Every
/// file part is a statement (or a JSON Lines file), except the parts named <c>aliases</c> (a CSV headed
/// <c>shown,account</c>) and <c>mapping</c> (the mapping profile's JSON); the fields <c>profile</c>, <c>account</c> and
/// <c>tz</c> are the command's options. Errors come back as problem details (422) naming file, row and column. The
/// import is a Wolverine command (<see cref="RecordStatements"/>), recorded and announced in one transaction, as a post
/// of facts is.
/// </summary>
public static class RecordStatementsEndpoint
{
    [WolverinePost("/cases/{caseNumber}/statements")]
    [Authorize(Roles = Allowed.Writers)]
    public static async Task<IResult> Post(string caseNumber, HttpRequest request, IMessageBus bus, CancellationToken ct)
    {
        if (!request.HasFormContentType)
            return ApiProblems.Of(StatusCodes.Status415UnsupportedMediaType, "Unsupported body",
                "Upload the statements as multipart/form-data, one file part per statement.");
        var form = await request.ReadFormAsync(ct);

        var statements = new List<StatementFile>();
        var aliases = new List<StatementFile>();
        MappingFile? mapping = null;
        var errors = new List<StatementError>();
        foreach (var part in form.Files)
        {
            var name = Path.GetFileName(part.FileName);
            if (string.IsNullOrWhiteSpace(name)) name = part.Name;
            var bytes = new byte[part.Length];
            await using (var stream = part.OpenReadStream()) await stream.ReadExactlyAsync(bytes, ct);
            switch (part.Name)
            {
                case "aliases": aliases.Add(StatementFile.InMemory(name, bytes)); break;
                case "mapping":
                    var (parsed, problem) = MappingFile.Parse(System.Text.Encoding.UTF8.GetString(bytes));
                    if (problem is not null) errors.Add(new StatementError(name, 1, "mapping", problem));
                    mapping = parsed;
                    break;
                default: statements.Add(StatementFile.InMemory(name, bytes)); break;
            }
        }

        var profile = Field(form, "profile");
        var tz = Field(form, "tz");
        if (profile is not null && !StatementProfiles.Names.Contains(profile))
            errors.Add(new StatementError("", 0, "profile", "must be one of: " + string.Join(", ", StatementProfiles.Names)));
        if (tz is not null && MappingFile.ParseOffset(tz) is null)
            errors.Add(new StatementError("", 0, "tz", "must be an offset such as +08:00"));
        if (profile == StatementProfiles.Mapping && mapping is null)
            errors.Add(new StatementError("", 0, "mapping", "the mapping profile needs a part named mapping"));
        if (statements.Count == 0)
            errors.Add(new StatementError("", 0, "file", "no statement was uploaded"));
        if (errors.Count > 0) return Refused(errors);

        var options = new StatementOptions
        {
            Case = caseNumber, Profile = profile, Account = Field(form, "account"), Mapping = mapping,
            TimeZone = tz is null ? null : MappingFile.ParseOffset(tz),
        };
        var outcome = await bus.InvokeAsync<StatementImportOutcome>(
            new RecordStatements(request.HttpContext.User.Identity!.Name!, statements, aliases, options), ct);
        if (!outcome.Accepted)
            return Refused(outcome.Errors.Select(e => new StatementError(e.File, e.Line, e.Field, e.Reason)).ToList());

        var summary = outcome.Summary!;
        var report = outcome.Report!;
        return Results.Json(new RecordedStatements(summary.Batch, summary.Recorded, summary.AlreadyRecorded,
            report.Statements, report.AlreadyImported, report.ForReview, report.Unresolved));
    }

    private static string? Field(IFormCollection form, string name) =>
        form.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value.ToString()) ? value.ToString() : null;

    private static IResult Refused(IReadOnlyList<StatementError> errors) =>
        ApiProblems.Of(StatusCodes.Status422UnprocessableEntity, "The statements were not recorded",
            $"{errors.Count} error(s); nothing was written.",
            new Dictionary<string, object?> { ["errors"] = errors });
}
