using System.Text;
using LaunderTrail.Court;

namespace LaunderTrail.Tests.Court;

/// <summary>
/// Verification compares each regenerated bundle file with the one on disk as it is written, piece by piece, and must
/// name the same first differing line however the pieces fall.
/// </summary>
public sealed class FileComparisonTests : IDisposable
{
    private const string OnDisk = "one\ntwo\nthree\nfour\n";

    private readonly TempFolders _folders = new();

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(64)]
    public void The_same_bytes_written_in_any_pieces_show_no_difference(int piece) =>
        Assert.Null(Compare(OnDisk, piece).Difference);

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(64)]
    public void A_changed_byte_is_named_by_its_line(int piece) =>
        Assert.Equal("first difference on line 3", Compare("one\ntwo\nthreE\nfour\n", piece).Difference);

    [Theory]
    [InlineData("one\ntwo\n", "lengths differ from line 3 on")]
    [InlineData("one\ntwo\nthree\nfour\nfive\n", "lengths differ from line 5 on")]
    public void Bytes_that_end_before_or_after_the_file_differ_from_where_the_shorter_ends(string written, string difference) =>
        Assert.Equal(difference, Compare(written, 4).Difference);

    [Fact]
    public void A_missing_file_is_said_to_be_missing_and_takes_what_is_written()
    {
        using var comparison = new FileComparison(Path.Combine(_folders.Create(), "timeline.md"));
        comparison.Write("abc"u8);

        Assert.True(comparison.Missing);
        Assert.Null(comparison.Difference);
    }

    private FileComparison Compare(string written, int piece)
    {
        var path = Path.Combine(_folders.Create(), "timeline.md");
        File.WriteAllText(path, OnDisk);
        var comparison = new FileComparison(path);
        var bytes = Encoding.UTF8.GetBytes(written);
        for (var start = 0; start < bytes.Length; start += piece) comparison.Write(bytes.AsSpan(start, Math.Min(piece, bytes.Length - start)));
        comparison.Dispose();
        return comparison;
    }

    public void Dispose() => _folders.Dispose();
}
