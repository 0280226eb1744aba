using LaunderTrail.Generation;
using Xunit;

namespace LaunderTrail.Tests.Generation;

public sealed class DeterminismTests
{
    [Fact]
    public void The_same_seed_gives_the_same_bytes()
    {
        var first = GeneratedCase.JsonLines(new GenerationOptions());
        var second = GeneratedCase.JsonLines(new GenerationOptions());

        Assert.NotEmpty(first);
        Assert.Equal(first, second);
    }

    [Fact]
    public void A_scaled_case_is_the_same_for_the_same_seed_and_size()
    {
        var options = new GenerationOptions(Seed: 7, Events: 20_000);

        Assert.Equal(GeneratedCase.JsonLines(options), GeneratedCase.JsonLines(options));
    }

    [Fact]
    public void Another_seed_gives_another_case()
    {
        Assert.NotEqual(GeneratedCase.JsonLines(new GenerationOptions(Seed: 515)), GeneratedCase.JsonLines(new GenerationOptions(Seed: 516)));
    }
}
