using System.Text.Json;
using FluentValidation;
using LaunderTrail.Evidence;
using LaunderTrail.Import.Validation;

namespace LaunderTrail.Import;

/// <summary>
/// Turns one interchange line (or one JSON object) into a fact, or says everything that is wrong with it:
/// malformed JSON, unknown type, missing or unknown fields, values of the wrong kind, then the rules of
/// the fact's validator.
/// </summary>
public static class FactParser
{
    // A key stated twice would let one reader take the first value and another the last: refused at any depth.
    private static readonly JsonDocumentOptions Strict = new() { AllowDuplicateProperties = false };

    /// <summary>A line as an evidence source hands it on: unreadable ones (not UTF-8, too long, not text) are refused whole.</summary>
    public static (CaseEvent? Fact, IReadOnlyList<FieldError> Errors) Parse(SourceLine line) =>
        line.Unreadable is { } reason ? Failed(new FieldError(FieldError.WholeLine, reason)) : Parse(line.Text, line.FromStatement);

    public static (CaseEvent? Fact, IReadOnlyList<FieldError> Errors) Parse(string line) => Parse(line, fromStatement: false);

    private static (CaseEvent? Fact, IReadOnlyList<FieldError> Errors) Parse(string line, bool fromStatement) =>
        WellFormedFact.TryRead(line, fromStatement) is { } fact ? (fact, []) : ParseThoroughly(line, fromStatement);

    /// <summary>
    /// Every problem of a line, or its fact: the path for a line that <see cref="WellFormedFact"/> did not accept, which
    /// must come to the same fact when there is one.
    /// </summary>
    internal static (CaseEvent? Fact, IReadOnlyList<FieldError> Errors) ParseThoroughly(string line, bool fromStatement)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line, Strict);
        }
        catch (JsonException e)
        {
            return Failed(DuplicateKey(e) ?? new FieldError(FieldError.WholeLine, $"malformed JSON: {FirstSentence(e.Message)}"));
        }
        catch (InvalidOperationException e) when (IsUnpairedSurrogate(e))
        {
            return Failed(new FieldError(FieldError.WholeLine, UnpairedSurrogate));
        }

        using (document)
        {
            try
            {
                return Parse(document.RootElement, fromStatement);
            }
            catch (InvalidOperationException e) when (IsUnpairedSurrogate(e))
            {
                return Failed(new FieldError(FieldError.WholeLine, UnpairedSurrogate));
            }
        }
    }

    private const string UnpairedSurrogate = "holds an unpaired surrogate escape (\\uD800-\\uDFFF without its pair), which is not a character";

    /// <summary>System.Text.Json refuses to decode a \uD800-\uDFFF escape without its pair, wherever it stands (a key, a value).</summary>
    private static bool IsUnpairedSurrogate(Exception? e) =>
        e is InvalidOperationException && e.Message.Contains("surrogate", StringComparison.Ordinal);

    private static (CaseEvent? Fact, IReadOnlyList<FieldError> Errors) Parse(JsonElement element, bool fromStatement)
    {
        if (element.ValueKind != JsonValueKind.Object)
            return Failed(new FieldError(FieldError.WholeLine, "must be a JSON object"));

        if (!element.TryGetProperty("type", out var typeElement) || typeElement.ValueKind != JsonValueKind.String)
            return Failed(new FieldError("type", "is required: one of " + string.Join(", ", EvidenceTypes.Interchange.Select(EvidenceTypes.NameOf))));

        var typeName = typeElement.GetString()!;
        if (!EvidenceTypes.TryFind(typeName, out var type))
            return Failed(new FieldError("type", $"unknown event type '{Characters.Printable(typeName)}'"));
        if (!fromStatement && EvidenceTypes.RecordedByStatementImport.Contains(type))
            return Failed(new FieldError("type",
                $"'{typeName}' is recorded only by a statement import (laundertrail import of the statement file), never stated in interchange lines"));

        var shapeErrors = FactShape.Of(type).Check(element);
        if (shapeErrors.Count > 0)
            return (null, shapeErrors);

        CaseEvent fact;
        try
        {
            fact = (CaseEvent)element.Deserialize(type, EvidenceJson.Options)!;
        }
        catch (JsonException e)
        {
            return Failed(new FieldError(FieldOf(e.Path), ReasonFor(e, type)));
        }

        var result = FactValidators.For(type).Validate(new ValidationContext<object>(fact));
        if (result.IsValid)
            return (fact, []);
        return (null, result.Errors
            .Select(f => new FieldError(JsonNamingPolicy.CamelCase.ConvertName(f.PropertyName), f.ErrorMessage))
            .ToList());
    }

    private static (CaseEvent?, IReadOnlyList<FieldError>) Failed(FieldError error) => (null, [error]);

    private static FieldError? DuplicateKey(JsonException e)
    {
        // System.Text.Json names the key only in its message: "Duplicate property 'amount' encountered during …".
        const string Lead = "Duplicate property '";
        const string Tail = "' encountered";
        if (!e.Message.StartsWith(Lead, StringComparison.Ordinal)) return null;
        var end = e.Message.LastIndexOf(Tail, StringComparison.Ordinal);
        var key = end > Lead.Length ? e.Message[Lead.Length..end] : "?";
        return new FieldError(Characters.Printable(key), "is stated twice in one object; a fact states each field once");
    }

    private static string FieldOf(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? FieldError.WholeLine : path.TrimStart('$', '.');

    private static string ReasonFor(JsonException e, Type type)
    {
        if (IsUnpairedSurrogate(e.InnerException)) return UnpairedSurrogate;
        // Our converters throw with a reason meant for a person; the framework's own messages name CLR types.
        if (!e.Message.StartsWith("The JSON value", StringComparison.Ordinal))
            return WithoutPosition(e.Message);
        var property = FactShape.Of(type).PropertyType(FieldOf(e.Path));
        return property switch
        {
            _ when property == typeof(int) => "must be a whole number",
            _ when property == typeof(decimal) || property == typeof(decimal?) => "must be a JSON number",
            _ when property == typeof(AccountRole) =>
                "must be one of: victim, fraudster, middleman, card-merchant, data-broker, account-merchant, lender, issuer, other",
            _ when property == typeof(IReadOnlyList<string>) => "must be an array of strings",
            _ => "must be a string",
        };
    }

    private static string WithoutPosition(string message)
    {
        var position = message.IndexOf(" Path:", StringComparison.Ordinal);
        return (position < 0 ? message : message[..position]).TrimEnd('.');
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message.TrimEnd('.') : message[..end];
    }
}
