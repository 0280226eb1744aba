using LaunderTrail.Generation;
using Xunit;

namespace LaunderTrail.Tests.Generation;

public sealed class StreamingTests
{
    private const long MemoryCeiling = 200L * 1024 * 1024;

    [Fact]
    public void A_million_events_are_generated_without_being_kept()
    {
        long count = 0, highestLiveHeap = 0;
        foreach (var _ in ReferenceCaseGenerator.Generate(new GenerationOptions(Events: 1_000_000)))
        {
            if (++count % 100_000 == 0)
                highestLiveHeap = Math.Max(highestLiveHeap, GC.GetTotalMemory(forceFullCollection: true));
        }

        Assert.Equal(1_000_000, count);
        Assert.True(highestLiveHeap < MemoryCeiling, $"live heap reached {highestLiveHeap / (1024 * 1024)} MB");
    }
}
