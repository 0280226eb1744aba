using LaunderTrail.Cases;
using LaunderTrail.Evidence;

namespace LaunderTrail.Tests.Tracing;

/// <summary>The conformance cases of shared/spec/examples, which live beside the repository, not in it.</summary>
internal static class SpecExamples
{
    private const string RelativeFolder = "shared/spec/examples";

    public static string Folder { get; } = Locate();

    public static string ReadText(string fileName) => File.ReadAllText(Path.Combine(Folder, fileName));

    public static IReadOnlyList<CaseEvent> ReadEvents(string fileName) =>
        ReadText(fileName)
            .Split('\n')
            .Select(line => line.Trim())
            .Where(line => line.Length > 0)
            .Select(CaseHistory.ReadFact)
            .ToList();

    /// <summary>
    /// The contract's own examples when the shared folder lies beside the repository (as in CI), else the copy
    /// kept in this project (Tracing/SpecExamples), so the conformance tests run in any checkout.
    /// </summary>
    private static string Locate()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, RelativeFolder);
            if (Directory.Exists(candidate)) return candidate;
        }

        var copy = Path.Combine(AppContext.BaseDirectory, "Tracing", "SpecExamples");
        return Directory.Exists(copy)
            ? copy
            : throw new DirectoryNotFoundException(
                $"No '{RelativeFolder}' folder above {AppContext.BaseDirectory}, and no copy of the examples beside the tests.");
    }
}
