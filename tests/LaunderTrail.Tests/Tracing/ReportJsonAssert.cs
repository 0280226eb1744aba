using System.Globalization;
using System.Text.Json;
using Xunit;

namespace LaunderTrail.Tests.Tracing;

/// <summary>
/// Compares a written report with an expected one as the examples README asks: same keys and rows in the same
/// order, strings equal, numbers within 0.01; a problem's reason may be worded differently.
/// </summary>
internal static class ReportJsonAssert
{
    private const decimal Tolerance = 0.01m;

    public static void Conforms(string expectedJson, string actualJson)
    {
        using var expected = JsonDocument.Parse(expectedJson);
        using var actual = JsonDocument.Parse(actualJson);
        var differences = new List<string>();
        Compare("$", expected.RootElement, actual.RootElement, differences);
        Assert.True(differences.Count == 0, "report differs from the expected one:\n" + string.Join("\n", differences));
    }

    private static void Compare(string path, JsonElement expected, JsonElement actual, List<string> differences)
    {
        if (expected.ValueKind != actual.ValueKind)
        {
            differences.Add($"{path}: expected {expected.ValueKind} {expected}, got {actual.ValueKind} {actual}");
            return;
        }

        switch (expected.ValueKind)
        {
            case JsonValueKind.Object:
                var expectedNames = expected.EnumerateObject().Select(p => p.Name).ToList();
                var actualNames = actual.EnumerateObject().Select(p => p.Name).ToList();
                if (!expectedNames.SequenceEqual(actualNames, StringComparer.Ordinal))
                {
                    differences.Add($"{path}: expected keys [{string.Join(", ", expectedNames)}], got [{string.Join(", ", actualNames)}]");
                    return;
                }
                foreach (var name in expectedNames)
                {
                    if (name == "reason" && path.StartsWith("$.problems", StringComparison.Ordinal)) continue;
                    Compare($"{path}.{name}", expected.GetProperty(name), actual.GetProperty(name), differences);
                }
                break;
            case JsonValueKind.Array:
                var expectedItems = expected.EnumerateArray().ToList();
                var actualItems = actual.EnumerateArray().ToList();
                if (expectedItems.Count != actualItems.Count)
                    differences.Add($"{path}: expected {expectedItems.Count} rows, got {actualItems.Count}: {actual}");
                for (var i = 0; i < Math.Min(expectedItems.Count, actualItems.Count); i++)
                    Compare($"{path}[{i}]", expectedItems[i], actualItems[i], differences);
                break;
            case JsonValueKind.Number:
                var difference = Math.Abs(expected.GetDecimal() - actual.GetDecimal());
                if (difference > Tolerance)
                    differences.Add($"{path}: expected {expected.GetDecimal().ToString(CultureInfo.InvariantCulture)}, got {actual.GetDecimal().ToString(CultureInfo.InvariantCulture)}");
                break;
            case JsonValueKind.String:
                if (!string.Equals(expected.GetString(), actual.GetString(), StringComparison.Ordinal))
                    differences.Add($"{path}: expected \"{expected.GetString()}\", got \"{actual.GetString()}\"");
                break;
        }
    }
}
