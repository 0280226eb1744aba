using System.Text.Json;
using LaunderTrail.Import;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace LaunderTrail.Api.Cases;

/// <summary>
/// A posted body of facts, as JSON Lines for the importer whatever it came as: a JSON array (application/json),
/// one compact line per element, or JSON Lines (application/x-ndjson, application/jsonl) as sent.
/// </summary>
internal sealed class EventBatch
{
    private static readonly HashSet<string> JsonLinesTypes = new(["application/x-ndjson", "application/jsonl"], StringComparer.OrdinalIgnoreCase);

    private readonly bool _isArray;

    private EventBatch(string name, string jsonLines, bool isArray)
    {
        Source = new JsonLinesText(name, jsonLines);
        _isArray = isArray;
    }

    public JsonLinesText Source { get; }

    public string IndexBase => _isArray ? "element of the JSON array, from 0" : "line of the JSON Lines body, from 1";

    /// <returns>The batch, or the problem that keeps it from being read at all (415 or 400).</returns>
    public static async Task<(EventBatch? Batch, IResult? Problem)> ReadAsync(HttpRequest request, string caseNumber, CancellationToken ct)
    {
        var mediaType = MediaTypeHeaderValue.TryParse(request.ContentType, out var parsed) ? parsed.MediaType.Value : null;
        var isArray = string.Equals(mediaType, "application/json", StringComparison.OrdinalIgnoreCase);
        if (!isArray && (mediaType is null || !JsonLinesTypes.Contains(mediaType)))
            return (null, ApiProblems.Of(StatusCodes.Status415UnsupportedMediaType, "Unsupported body",
                "Send a JSON array (application/json) or JSON Lines (application/x-ndjson or application/jsonl)."));

        using var reader = new StreamReader(request.Body);
        var text = await reader.ReadToEndAsync(ct);
        var name = $"POST /cases/{caseNumber}/events";
        if (!isArray) return (new EventBatch(name, text, isArray: false), null);

        try
        {
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind != JsonValueKind.Array)
                return (null, NotAnArray("the body is JSON but not an array"));
            var lines = document.RootElement.EnumerateArray().Select(e => JsonSerializer.Serialize(e));
            return (new EventBatch(name, string.Join('\n', lines), isArray: true), null);
        }
        catch (JsonException e)
        {
            return (null, NotAnArray($"the body is not JSON: {e.Message}"));
        }
    }

    /// <summary>Every fact that is invalid on its own or names another case than the URL's.</summary>
    public async Task<IReadOnlyList<BatchError>> CheckAsync(string caseNumber, CancellationToken ct)
    {
        var errors = new List<BatchError>();
        await foreach (var line in Source.ReadAsync(ct))
        {
            if (string.IsNullOrWhiteSpace(line.Text)) continue;
            var (fact, factErrors) = FactParser.Parse(line.Text);
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
