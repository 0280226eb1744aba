using System.Reflection;

namespace LaunderTrail.Court;

/// <summary>Names the LaunderTrail build that generates a bundle, as its manifest records it.</summary>
public static class GeneratorVersion
{
    public static string Current { get; } = "LaunderTrail " + (
        typeof(GeneratorVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(GeneratorVersion).Assembly.GetName().Version?.ToString() ?? "unknown");
}
