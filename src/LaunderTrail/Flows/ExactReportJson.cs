using System.Text.Json.Serialization;
using LaunderTrail.Tracing;

namespace LaunderTrail.Flows;

/// <summary>
/// The <c>exact</c> stored form of a flow report: every figure unrounded, as decimal writes it, so that reading it
/// back gives the report that was traced. Generated at build time, so writing tens of megabytes of it needs no
/// reflection and no warm-up; it is LaunderTrail's own form, never an interchange format.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UseStringEnumConverter = true)]
[JsonSerializable(typeof(FlowReport))]
internal sealed partial class ExactReportJson : JsonSerializerContext;
