using LaunderTrail.Storage;

namespace LaunderTrail.Tests.Storage;

public sealed class PrivateClusterSettingsTests
{
    private const long GiB = 1L << 30;

    [Theory]
    [InlineData(2L * GiB, "256MB", "16MB", "2048MB", "128MB")]
    [InlineData(8L * GiB, "1024MB", "32MB", "2048MB", "512MB")]
    [InlineData(24L * GiB, "2048MB", "64MB", "6144MB", "1024MB")]
    [InlineData(256L * GiB, "2048MB", "64MB", "8192MB", "1024MB")]
    public void Memory_settings_follow_the_machine_within_bounds(long memory, string sharedBuffers, string walBuffers,
        string maxWalSize, string maintenanceWorkMem)
    {
        var settings = PrivateClusterSettings.For(memory).ToDictionary(s => s.Name, s => s.Value);

        Assert.Equal(sharedBuffers, settings["shared_buffers"]);
        Assert.Equal(walBuffers, settings["wal_buffers"]);
        Assert.Equal(maxWalSize, settings["max_wal_size"]);
        Assert.Equal(maintenanceWorkMem, settings["maintenance_work_mem"]);
        Assert.Equal("15min", settings["checkpoint_timeout"]);
    }

    [Fact]
    public void Durability_is_left_as_PostgreSQL_ships_it()
    {
        var names = PrivateClusterSettings.For(24L * GiB).Select(s => s.Name).ToList();

        Assert.DoesNotContain("fsync", names);
        Assert.DoesNotContain("synchronous_commit", names);
        Assert.DoesNotContain("full_page_writes", names);
        Assert.Equal(PrivateClusterSettings.For(24L * GiB), PrivateClusterSettings.For(24L * GiB));
    }
}
