using System.Text;
using System.Text.Json;
using LaunderTrail.Import;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace LaunderTrail.Api.Cases;

/// <summary>
/// A posted body of facts, as JSON Lines for the importer whatever it came as: a JSON array (application/json),
/// one line per element exactly as written, or JSON Lines (application/x-ndjson, application/jsonl) as sent. The body
/// is taken as the bytes it came as: one that is not UTF-8 text is refused whole, never decoded with replacement
/// characters, which would change the evidence.
/// </summary>
public sealed class EventBatch
{
    private static readonly HashSet<string> JsonLinesTypes = new(["application/x-ndjson", "application/jsonl"], StringComparer.OrdinalIgnoreCase);

    private readonly bool _isArray;

    private EventBatch(string name, byte[] jsonLines, bool isArray)
    {
        Source = new JsonLinesBytes(name, jsonLines);
        _isArray = isArray;
    }

    public JsonLinesBytes Source { get; }

    public string IndexBase => _isArray ? "element of the JSON array, from 0" : "line of the JSON Lines body, from 1";

    /// <returns>The batch, or the problem that keeps it from being read at all (415 or 400).</returns>
    public static async Task<(EventBatch? Batch, IResult? Problem)> ReadAsync(HttpRequest request, string caseNumber, CancellationToken ct)
    {
        var mediaType = MediaTypeHeaderValue.TryParse(request.ContentType, out var parsed) ? parsed.MediaType.Value : null;
        var isArray = string.Equals(mediaType, "application/json", StringComparison.OrdinalIgnoreCase);
        if (!isArray && (mediaType is null || !JsonLinesTypes.Contains(mediaType)))
            return (null, ApiProblems.Of(StatusCodes.Status415UnsupportedMediaType, "Unsupported body",
                "Send a JSON array (application/json) or JSON Lines (application/x-ndjson or application/jsonl)."));

        var body = new MemoryStream();
        await request.Body.CopyToAsync(body, ct);
        var bytes = body.ToArray();
        if (NotText(bytes) is { } notText)
            return (null, ApiProblems.Of(StatusCodes.Status400BadRequest, "Unreadable body", notText + "; nothing was written."));

        var name = $"POST /cases/{caseNumber}/events";
        if (!isArray) return (new EventBatch(name, bytes, isArray: false), null);

        try
        {
            using var document = JsonDocument.Parse(bytes);
            if (document.RootElement.ValueKind != JsonValueKind.Array)
                return (null, NotAnArray("the body is JSON but not an array"));
            // Each element goes to the line checks exactly as written (a key stated twice, an escape, a number's
            // digits), on one line: line breaks outside strings are only spacing, and inside strings JSON escapes them.
            var lines = document.RootElement.EnumerateArray().Select(e => e.GetRawText().Replace('\n', ' ').Replace('\r', ' '));
            return (new EventBatch(name, Encoding.UTF8.GetBytes(string.Join('\n', lines)), isArray: true), null);
        }
        catch (JsonException e)
        {
            return (null, NotAnArray($"the body is not JSON: {e.Message}"));
        }
    }

    /// <summary>Why the body is not UTF-8 text (a compressed file, a binary, bytes that are not UTF-8); null when it is.</summary>
    private static string? NotText(byte[] body)
    {
        if (NotJsonLines.Describe(body.AsSpan(0, Math.Min(body.Length, NotJsonLines.Prefix))) is { } what)
            return "the body is not text: " + what;
        var at = JsonLinesReader.FirstNonUtf8Byte(body);
        if (at < 0) return null;
        var line = 1 + body.AsSpan(0, at).Count((byte)'\n');
        return $"the body is not UTF-8 text: byte 0x{body[at]:X2} at byte {at + 1} (line {line}); send the facts in UTF-8";
    }

    /// <summary>Every fact that is invalid on its own or names another case than the URL's.</summary>
    public async Task<IReadOnlyList<BatchError>> CheckAsync(string caseNumber, CancellationToken ct)
    {
        var errors = new List<BatchError>();
        await foreach (var line in Source.ReadAsync(ct))
        {
            if (line.Unreadable is null && string.IsNullOrWhiteSpace(line.Text)) continue;
            var (fact, factErrors) = FactParser.Parse(line);
            errors.AddRange(factErrors.Select(e => new BatchError(IndexOf(line.Number), e.Field, e.Reason)));
            if (fact is not null && fact.Case != caseNumber)
                errors.Add(new BatchError(IndexOf(line.Number), "case", $"is '{fact.Case}' but the URL names case '{caseNumber}'"));
        }

        return errors;
    }

    public BatchError ErrorOf(LineError error) => new(IndexOf(error.Line), error.Field, error.Reason);

    private long IndexOf(long line) => _isArray ? line - 1 : line;

    private static IResult NotAnArray(string detail) =>
        ApiProblems.Of(StatusCodes.Status400BadRequest, "Malformed body", detail + "; send a JSON array of facts.");
}
