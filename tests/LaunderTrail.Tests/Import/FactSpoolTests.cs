using System.Security.Cryptography;
using System.Text;
using LaunderTrail.Import;

namespace LaunderTrail.Tests.Import;

public sealed class FactSpoolTests
{
    private static CheckedFact Fact(long line, string @case, string id)
    {
        var canonical = Encoding.UTF8.GetBytes($$"""{"id":"{{id}}","case":"{{@case}}","type":"VictimContacted"}""");
        return new CheckedFact(line, line * 100, @case, FactKey.Of(@case, id), "VictimContacted", canonical, SHA256.HashData(canonical));
    }

    [Fact]
    public async Task Spooled_facts_come_back_whole_and_in_order()
    {
        CheckedFact[] facts = [Fact(1, "EX-1", "a"), Fact(2, "EX-2", "b"), Fact(7, "EX-1", "c")];
        await using var spool = FactSpool.Create();
        foreach (var fact in facts) spool.Add(fact);

        var read = spool.ReadAll().ToList();

        Assert.Equal(facts.Select(f => (f.Line, f.BytesRead, f.Case, f.Key, f.Type)), read.Select(f => (f.Line, f.BytesRead, f.Case, f.Key, f.Type)));
        Assert.Equal(facts.Select(f => Convert.ToHexString(f.Canonical)), read.Select(f => Convert.ToHexString(f.Canonical)));
        Assert.Equal(facts.Select(f => Convert.ToHexString(f.Digest)), read.Select(f => Convert.ToHexString(f.Digest)));
    }

    [Fact]
    public async Task The_spool_leaves_no_file_anyone_could_read()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "on Windows the file is deleted when the import closes it");
        var before = Directory.GetFiles(Path.GetTempPath(), "laundertrail-import-*.spool");

        await using var spool = FactSpool.Create();
        spool.Add(Fact(1, "EX-1", "a"));

        Assert.Equal(before, Directory.GetFiles(Path.GetTempPath(), "laundertrail-import-*.spool"));
        Assert.Single(spool.ReadAll());
    }
}
