using System.Text;
using LaunderTrail.Generation;
using Xunit;

namespace LaunderTrail.Tests.Generation;

public sealed class SampleFileTests
{
    [Fact]
    public void The_committed_sample_is_what_the_generator_writes_for_seed_515()
    {
        var sample = File.ReadAllBytes(Path.Combine(RepositoryRoot.Path, "samples", "case-515", "case-515.jsonl"));
        var generated = GeneratedCase.JsonLines(new GenerationOptions(Seed: 515));

        Assert.True(sample.AsSpan().SequenceEqual(generated), FirstDifference(sample, generated));
    }

    private static string FirstDifference(byte[] sample, byte[] generated)
    {
        var sampleLines = Encoding.UTF8.GetString(sample).Split('\n');
        var generatedLines = Encoding.UTF8.GetString(generated).Split('\n');
        for (var i = 0; i < Math.Max(sampleLines.Length, generatedLines.Length); i++)
        {
            var expected = i < sampleLines.Length ? sampleLines[i] : "<end of file>";
            var actual = i < generatedLines.Length ? generatedLines[i] : "<end of output>";
            if (expected != actual)
                return $"sample and generator differ at line {i + 1}; regenerate the sample if the change is intended\n" +
                       $"sample:    {expected}\ngenerated: {actual}";
        }
        return "sample and generator differ in bytes only (encoding or line endings)";
    }
}
