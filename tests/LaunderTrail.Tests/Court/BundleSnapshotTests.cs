using System.Text;
using LaunderTrail.Court;
using LaunderTrail.Tests.Support;
using Snapshooter;
using Snapshooter.Xunit3;

namespace LaunderTrail.Tests.Court;

/// <summary>The bundle files of the mixed case, approved once and compared on every run.</summary>
public sealed class BundleSnapshotTests(PostgresServer server) : StoreFixture(server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<IReadOnlyList<BundleFile>> BundleAsync(DateTimeOffset? asOf = null)
    {
        await MixedCase.ImportAsync(Store, Ct);
        var records = await MixedCase.RecordsAsync(Store, null, Ct);
        return TimelineBundle.Build(records, new BundleParameters(MixedCase.Case, asOf, null), MixedCase.Generator);
    }

    private static string Text(IReadOnlyList<BundleFile> bundle, string name) =>
        Encoding.UTF8.GetString(bundle.Single(f => f.Name == name).Content);

    [Theory]
    [InlineData("events.jsonl")]
    [InlineData("manifest.json")]
    [InlineData("timeline.html")]
    [InlineData("timeline.json")]
    [InlineData("timeline.md")]
    public async Task Every_file_of_the_mixed_case_bundle_matches_its_approved_snapshot(string name)
    {
        var bundle = await BundleAsync();

        Snapshot.Match(Text(bundle, name), SnapshotNameExtension.Create(name));
    }

    [Fact]
    public async Task The_bundle_as_of_a_moment_shows_only_what_had_happened_and_matches_its_snapshot()
    {
        var bundle = await BundleAsync(DateTimeOffset.Parse("2019-05-03T10:45:00+08:00", System.Globalization.CultureInfo.InvariantCulture));

        Snapshot.Match(Text(bundle, "timeline.md"), SnapshotNameExtension.Create("timeline.md"));
    }
}
