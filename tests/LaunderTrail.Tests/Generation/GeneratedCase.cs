using LaunderTrail.Evidence;
using LaunderTrail.Generation;

namespace LaunderTrail.Tests.Generation;

/// <summary>Generated cases shared by the tests, each made once, and their JSON Lines bytes.</summary>
internal static class GeneratedCase
{
    private static readonly Lazy<IReadOnlyList<CaseEvent>> LazyReference =
        new(() => ReferenceCaseGenerator.Generate(new GenerationOptions()).ToList());

    private static readonly Lazy<IReadOnlyList<CaseEvent>> LazyScaled =
        new(() => ReferenceCaseGenerator.Generate(new GenerationOptions(Events: ScaledSize)).ToList());

    public const int ScaledSize = 50_000;

    /// <summary>Seed 515 at the reference size, the case of the committed sample.</summary>
    public static IReadOnlyList<CaseEvent> Reference => LazyReference.Value;

    public static IReadOnlyList<CaseEvent> Scaled => LazyScaled.Value;

    public static IReadOnlyList<CaseEvent> OfSize(int events) => events switch
    {
        0 => Reference,
        ScaledSize => Scaled,
        _ => throw new ArgumentOutOfRangeException(nameof(events), events, "only the reference and the scaled case are shared"),
    };

    public static byte[] JsonLines(GenerationOptions options)
    {
        using var buffer = new MemoryStream();
        CaseEventJsonLines.Write(ReferenceCaseGenerator.Generate(options), buffer);
        return buffer.ToArray();
    }
}
