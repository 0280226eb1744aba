using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using LaunderTrail.Evidence;
using LaunderTrail.Import.Validation;

namespace LaunderTrail.Import;

/// <summary>Which JSON fields a fact type requires and accepts, read from its record declaration.</summary>
internal sealed class FactShape
{
    private static readonly Dictionary<Type, FactShape> ByType = EvidenceTypes.All.ToDictionary(t => t, t => new FactShape(t));

    private readonly IReadOnlyDictionary<string, PropertyInfo> _accepted;
    private readonly IReadOnlyList<string> _required;

    private FactShape(Type type)
    {
        _accepted = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetCustomAttribute<JsonIgnoreAttribute>() is null)
            .ToDictionary(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name), StringComparer.Ordinal);
        _required = _accepted
            .Where(p => p.Value.GetCustomAttribute<RequiredMemberAttribute>() is not null)
            .Select(p => p.Key)
            .ToList();
        AcceptedUtf8 = _accepted.Keys.Select(Encoding.UTF8.GetBytes).ToArray();
        RequiredUtf8 = _required.Select(Encoding.UTF8.GetBytes).ToArray();
    }

    public static FactShape Of(Type type) => ByType[type];

    /// <summary>The accepted field names, as UTF-8.</summary>
    public byte[][] AcceptedUtf8 { get; }

    /// <summary>The required field names, as UTF-8.</summary>
    public byte[][] RequiredUtf8 { get; }

    public Type? PropertyType(string field) => _accepted.TryGetValue(field, out var p) ? p.PropertyType : null;

    public List<FieldError> Check(JsonElement element)
    {
        var errors = new List<FieldError>();
        foreach (var field in _required)
        {
            if (!element.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
                errors.Add(new FieldError(field, "is required"));
        }

        foreach (var property in element.EnumerateObject())
        {
            if (!_accepted.ContainsKey(property.Name))
                errors.Add(new FieldError(property.Name.Length == 0 ? "\"\"" : Characters.Printable(property.Name),
                    property.Name.Length == 0 ? "unknown field (a key with no name)" : "unknown field"));
        }

        return errors;
    }
}
