using Xunit;

namespace LaunderTrail.Tests.Generation;

public sealed class EventIdTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(GeneratedCase.ScaledSize)]
    public void Every_id_is_unique_within_the_case(int events)
    {
        var duplicates = GeneratedCase.OfSize(events)
            .GroupBy(e => e.Id, StringComparer.Ordinal)
            .Where(g => g.Count() > 1)
            .Select(g => g.Key)
            .Take(5)
            .ToList();

        Assert.Empty(duplicates);
    }

    [Fact]
    public void Every_event_carries_the_case_number_and_a_source()
    {
        Assert.All(GeneratedCase.Reference, e =>
        {
            Assert.Equal("SQ-2019-515", e.Case);
            Assert.False(string.IsNullOrWhiteSpace(e.Source), e.Id);
        });
    }
}
