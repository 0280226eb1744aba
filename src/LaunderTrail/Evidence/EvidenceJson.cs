using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace LaunderTrail.Evidence;

/// <summary>
/// The one JSON configuration for facts: interchange lines, Marten's stored events and the canonical form
/// all read and write through it, so a fact means the same wherever it is read.
/// </summary>
public static class EvidenceJson
{
    public static readonly JsonSerializerOptions Options = Create();

    /// <summary>
    /// Reads facts for tracing only: a fact's source and note, free text the tracer never looks at, are skipped, and
    /// the other strings but ids and lots come from one pool. A case of a million facts then holds well under half
    /// the memory, and the garbage collector has that much less to move.
    /// </summary>
    internal static readonly JsonSerializerOptions ForTracing = CreateForTracing();

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

    private static JsonSerializerOptions CreateForTracing()
    {
        var options = new JsonSerializerOptions();
        Configure(options);
        options.Converters.Insert(0, new StoredInstantConverter());
        var pooled = new PooledStringConverter();
        options.TypeInfoResolver = new DefaultJsonTypeInfoResolver
        {
            Modifiers = { typeInfo => LeaveOutFreeTextAndPoolRepeats(typeInfo, pooled) },
        };
        options.MakeReadOnly();
        return options;
    }

    private static void LeaveOutFreeTextAndPoolRepeats(JsonTypeInfo fact, PooledStringConverter pooled)
    {
        if (!fact.Type.IsAssignableTo(typeof(CaseEvent))) return;
        for (var i = fact.Properties.Count - 1; i >= 0; i--)
        {
            var property = fact.Properties[i];
            var member = (property.AttributeProvider as MemberInfo)?.Name;
            if (member is nameof(CaseEvent.Source) or nameof(CaseEvent.Note)) fact.Properties.RemoveAt(i);
            else if (property.PropertyType == typeof(string) &&
                     member is not (nameof(CaseEvent.Id) or nameof(EventRetracted.Retracts) or nameof(PrepaidValuePurchased.Lot)))
                property.CustomConverter = pooled;
        }
    }

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions();
        Configure(options);
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
