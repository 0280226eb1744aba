using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace LaunderTrail.Evidence;

/// <summary>
/// The one JSON configuration for facts: interchange lines, Marten's stored events and the canonical form
/// all read and write through it, so a fact means the same wherever it is read.
/// </summary>
public static class EvidenceJson
{
    public static readonly JsonSerializerOptions Options = Create();

    /// <summary>The layout of every report LaunderTrail writes: two-space indentation, "\n" line ends, text as written.</summary>
    public static readonly JsonWriterOptions ReportLayout = new()
    {
        Indented = true,
        IndentSize = 2,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Applies the evidence conventions to options owned by someone else (Marten's serializer).</summary>
    public static void Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.PropertyNameCaseInsensitive = false;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        options.NumberHandling = JsonNumberHandling.Strict;
        options.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        options.Converters.Add(new InstantWithOffsetConverter());
        options.Converters.Add(new NormalizedDecimalConverter());
    }

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions();
        Configure(options);
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
