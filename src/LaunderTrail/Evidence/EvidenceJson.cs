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
    /// Reads facts for tracing only: a fact's source and note, free text the tracer never looks at, are skipped. The
    /// records live only until tracing has taken what it keeps of them (<see cref="Tracing.TracingFacts"/>), so their
    /// strings are not pooled: looking each one up cost more than the young garbage it saved.
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
        options.TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { LeaveOutFreeText } };
        options.MakeReadOnly();
        return options;
    }

    private static void LeaveOutFreeText(JsonTypeInfo fact)
    {
        if (!fact.Type.IsAssignableTo(typeof(CaseEvent))) return;
        for (var i = fact.Properties.Count - 1; i >= 0; i--)
        {
            var member = (fact.Properties[i].AttributeProvider as MemberInfo)?.Name;
            if (member is nameof(CaseEvent.Source) or nameof(CaseEvent.Note)) fact.Properties.RemoveAt(i);
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
