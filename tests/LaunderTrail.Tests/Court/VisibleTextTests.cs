using System.Text;
using LaunderTrail.Cases;
using LaunderTrail.Court;
using LaunderTrail.Tests.Api;

namespace LaunderTrail.Tests.Court;

/// <summary>
/// Recorded text reaches a terminal or a bundle's readable files with its controls and direction overrides as visible
/// escapes, and ordinary text unchanged.
/// </summary>
public sealed class VisibleTextTests
{
    /// <summary>A window-title escape, a screen clear and a right-to-left override, as a holder name.</summary>
    public const string HostileHolder = "\u001B]0;owned\u0007\u001B[2JMr Evil\u202Egpj.exe";

    public const string HostileHolderShown = @"\u001B]0;owned\u0007\u001B[2JMr Evil\u202Egpj.exe";

    [Theory]
    [InlineData("Ms Zheng, Suzhou (victim 0001)")]
    [InlineData("郑女士 acc\\bank [x] *y* 100% é")]
    [InlineData("")]
    public void Ordinary_text_is_returned_unchanged(string text)
    {
        Assert.Same(text, VisibleText.Of(text));
    }

    [Theory]
    [InlineData("a\u0000b", @"a\u0000b")]
    [InlineData("line\nbreak\r\ttab", @"line\u000Abreak\u000D\u0009tab")]
    [InlineData("del\u007F c1\u0085\u009B", @"del\u007F c1\u0085\u009B")]
    [InlineData("\u200E\u200F\u061C", @"\u200E\u200F\u061C")]
    [InlineData("\u202A\u202B\u202C\u202D\u202E", @"\u202A\u202B\u202C\u202D\u202E")]
    [InlineData("\u2066\u2067\u2068\u2069", @"\u2066\u2067\u2068\u2069")]
    [InlineData("\u2028\u2029", @"\u2028\u2029")]
    [InlineData(HostileHolder, HostileHolderShown)]
    public void Controls_and_direction_overrides_become_visible_escapes(string text, string shown)
    {
        Assert.Equal(shown, VisibleText.Of(text));
    }

    [Fact]
    public void Every_hidden_character_and_only_those_is_escaped()
    {
        var hidden = Enumerable.Range(0, 0x10000).Select(c => (char)c).Where(VisibleText.IsHidden).ToList();

        Assert.Equal(32 + 1 + 32 + 3 + 5 + 4 + 2, hidden.Count);
        Assert.All(hidden, c => Assert.Equal($"\\u{(int)c:X4}", VisibleText.Of(c.ToString())));
        Assert.False(VisibleText.IsHidden(' '));
        Assert.False(VisibleText.IsHidden('\u00A0'));
        Assert.False(VisibleText.IsHidden('\u200D'));
    }

    [Theory]
    [InlineData("timeline.md")]
    [InlineData("timeline.html")]
    public void A_bundles_readable_timeline_shows_a_hostile_holder_name_escaped(string file)
    {
        var text = BundleFile(file);

        Assert.DoesNotContain(text, c => VisibleText.IsHidden(c) && c is not '\n');
        Assert.Contains("u001B", text);
        Assert.Contains("u202E", text);
    }

    /// <summary>
    /// The JSON files keep the exact text: the JSON encoder writes the controls as \uXXXX, and leaves the bidirectional
    /// controls as they are (docs/architecture.md, "Recorded text on terminals and in bundles").
    /// </summary>
    [Theory]
    [InlineData("timeline.json")]
    [InlineData("events.jsonl")]
    public void A_bundles_json_files_escape_the_controls_of_a_hostile_holder_name(string file)
    {
        var text = BundleFile(file);

        Assert.DoesNotContain(text, c => char.IsControl(c) && c is not '\n');
        Assert.Contains(@"\u001B]0;owned\u0007\u001B[2JMr Evil", text);
    }

    private static string BundleFile(string file)
    {
        var facts = new[]
        {
            Account("a-1", "zheng-card", HostileHolder, "victim"),
            Account("a-2", "g-1", "Gang \u202Eevil", "fraudster"),
            Support.Lines.Transfer("t-1", "zheng-card", "g-1", "1000"),
        };
        var records = facts.Select((line, i) =>
            new ChainedRecord(i + 1, new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.Zero), CaseHistory.ReadFact(line))).ToList();

        var files = TimelineBundle.Build(records, new BundleParameters(SmallCase.Case, null, null), "LaunderTrail (test build)");
        return Encoding.UTF8.GetString(files.Single(f => f.Name == file).Content);
    }

    private static string Account(string id, string account, string holder, string role) =>
        Support.Lines.Account(id, account, System.Text.Json.JsonEncodedText.Encode(holder).ToString(), role);
}
