using System.Text.Json;
using LaunderTrail.Evidence;
using LaunderTrail.Tracing;

namespace LaunderTrail.Court;

/// <summary>
/// manifest.json: what the bundle was generated from and by (parameters, generator), what it holds (event count,
/// sequence range, chain head) and the SHA-256 of every other file, so each can be checked with sha256sum.
/// </summary>
public sealed record BundleManifest(
    string Generator,
    BundleParameters Parameters,
    long EventCount,
    string ChainHead,
    IReadOnlyList<(string Name, string Sha256)> Files)
{
    public const string FileName = "manifest.json";
    private const string Format = "LaunderTrail timeline bundle, version 1";

    internal static void Write(string generator, TimelineModel model, IReadOnlyList<BundleFileDigest> files, Stream output) => BundleJson.Write(output, writer =>
    {
        writer.WriteStartObject();
        writer.WriteString("bundle", Format);
        writer.WriteString("generator", generator);
        writer.WriteStartObject("parameters");
        writer.WriteString("case", model.Parameters.Case);
        BundleJson.WriteMoment(writer, "asOf", model.Parameters.AsOf);
        BundleJson.WriteMoment(writer, "knownAt", model.Parameters.KnownAt);
        BundleJson.WriteRules(writer, model.Parameters);
        writer.WriteEndObject();

        writer.WriteStartObject("events");
        writer.WriteNumber("count", model.Records.Count);
        if (model.Records.Count == 0)
        {
            writer.WriteNull("firstSeq");
            writer.WriteNull("lastSeq");
        }
        else
        {
            writer.WriteNumber("firstSeq", model.Records[0].Seq);
            writer.WriteNumber("lastSeq", model.Records[^1].Seq);
        }
        writer.WriteEndObject();

        writer.WriteStartObject("chain");
        writer.WriteString("algorithm", "SHA-256");
        writer.WriteString("genesis", HashChain.Hex(HashChain.Genesis));
        writer.WriteString("head", HashChain.Hex(model.ChainHead));
        writer.WriteEndObject();

        writer.WriteStartArray("files");
        foreach (var file in files.OrderBy(f => f.Name, StringComparer.Ordinal))
        {
            writer.WriteStartObject();
            writer.WriteString("name", file.Name);
            writer.WriteString("sha256", file.Sha256);
            writer.WriteNumber("bytes", file.Bytes);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
    });

    /// <exception cref="InvalidDataException">The bytes are not a manifest this version can read.</exception>
    public static BundleManifest Read(byte[] json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.GetProperty("bundle").GetString() != Format)
                throw new InvalidDataException($"not a \"{Format}\" manifest");
            var parameters = root.GetProperty("parameters");
            return new BundleManifest(
                root.GetProperty("generator").GetString()!,
                new BundleParameters(parameters.GetProperty("case").GetString()!, Moment(parameters, "asOf"), Moment(parameters, "knownAt"),
                    Rule(parameters)),
                root.GetProperty("events").GetProperty("count").GetInt64(),
                root.GetProperty("chain").GetProperty("head").GetString()!,
                root.GetProperty("files").EnumerateArray()
                    .Select(f => (f.GetProperty("name").GetString()!, f.GetProperty("sha256").GetString()!))
                    .ToList());
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new InvalidDataException($"unreadable manifest: {e.Message}", e);
        }
    }

    /// <summary>
    /// The one rule asked for, or null for the default rules side by side; a manifest written before bundles named
    /// their rules states none, and those bundles hold the default rules.
    /// </summary>
    private static TracingRule? Rule(JsonElement parameters)
    {
        if (!parameters.TryGetProperty("rules", out var rules)) return null;
        var names = rules.EnumerateArray().Select(rule => rule.GetString()).ToList();
        if (names.SequenceEqual(BundleParameters.DefaultRules.Select(TracingRules.Name))) return null;
        if (names is [{ } name] && TracingRules.TryParse(name, out var rule)) return rule;
        throw new FormatException($"rules must be [\"fifo\", \"pro-rata\"] or one of fifo, pro-rata and libr, not [{string.Join(", ", names)}]");
    }

    private static DateTimeOffset? Moment(JsonElement parameters, string name)
    {
        var value = parameters.GetProperty(name);
        if (value.ValueKind == JsonValueKind.Null) return null;
        return InstantWithOffsetConverter.Parse(value.GetString()!) ?? throw new FormatException($"{name} is not a time with an offset");
    }
}
