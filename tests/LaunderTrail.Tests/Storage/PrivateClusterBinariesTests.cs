using LaunderTrail.Storage;
using Xunit;

namespace LaunderTrail.Tests.Storage;

public sealed class PrivateClusterBinariesTests : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("laundertrail-binaries-");

    public void Dispose() => folder.Delete(recursive: true);

    [Fact]
    public async Task Without_postgresql_the_cluster_explains_in_one_paragraph_how_to_get_one()
    {
        var emptyBin = folder.CreateSubdirectory("bin").FullName;
        var cluster = new PrivateCluster(Path.Combine(folder.FullName, "data"), log: null, binarySearchDirectories: [emptyBin]);

        var error = await Assert.ThrowsAsync<PostgresNotFoundException>(() => cluster.EnsureRunningAsync(TestContext.Current.CancellationToken));

        Assert.Contains("apt-get install postgresql", error.Message);
        Assert.Contains("--db", error.Message);
        Assert.Contains("LAUNDERTRAIL_DB", error.Message);
        Assert.Contains(emptyBin, error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void Versioned_installations_are_searched_newest_first_by_number_not_by_name()
    {
        foreach (var name in new[] { "9.6", "15", "16", "common" })
            folder.CreateSubdirectory(name);

        var directories = PrivateClusterBinaries.VersionedBinDirectories(folder.FullName);

        Assert.Equal(["16", "15", "9.6"], directories.Select(directory => Path.GetFileName(Path.GetDirectoryName(directory))));
    }

    [Fact]
    public void The_first_directory_holding_all_three_programs_wins()
    {
        var incomplete = CreateProgramsIn("incomplete", "initdb", "pg_ctl");
        var complete = CreateProgramsIn("complete", "initdb", "pg_ctl", "postgres");

        var binaries = PrivateClusterBinaries.Locate([incomplete, complete]);

        Assert.Equal(new PrivateClusterBinaries(
            Path.Combine(complete, "initdb"), Path.Combine(complete, "pg_ctl"), Path.Combine(complete, "postgres")), binaries);
    }

    private string CreateProgramsIn(string directoryName, params string[] programs)
    {
        var directory = folder.CreateSubdirectory(directoryName).FullName;
        foreach (var program in programs)
            File.WriteAllText(Path.Combine(directory, program), "");
        return directory;
    }
}
