using System.Text;
using CsCheck;
using LaunderTrail.Evidence;
using LaunderTrail.Import;
using LaunderTrail.Tests.Generation;
using LaunderTrail.Tests.Support;

namespace LaunderTrail.Tests.Import;

/// <summary>
/// The one-pass reader of good lines is only a shortcut: on every line it either gives the fact the thorough path
/// gives, or leaves the line to that path. It must take nearly every good line, or the shortcut is lost unnoticed.
/// </summary>
public sealed class WellFormedFactTests
{
    private const string Envelope = "\"id\":\"t-1\",\"case\":\"T-1\",\"at\":\"2019-04-29T10:05:00+08:00\"";

    public static TheoryData<string> GoodLines()
    {
        var lines = new TheoryData<string>();
        foreach (var line in Lines.OneOfEachType) lines.Add(line);
        lines.Add(Lines.Transfer("t-9", "a", "b", "12.50"));
        lines.Add($"{{\"type\":\"FundsTransferred\",{Envelope},\"from\":\"a\",\"to\":\"b\",\"amount\":1, \"note\":null}}  ");
        return lines;
    }

    [Theory]
    [MemberData(nameof(GoodLines))]
    public void A_good_line_is_read_in_one_pass_into_the_fact_the_thorough_path_gives(string line)
    {
        var fact = WellFormedFact.TryRead(line, fromStatement: false);

        Assert.NotNull(fact);
        Assert.Equal(Canonical(FactParser.ParseThoroughly(line, fromStatement: false).Fact), Canonical(fact));
    }

    [Fact]
    public void Every_line_of_the_reference_case_is_read_in_one_pass()
    {
        var lines = File.ReadLines(Path.Combine(RepositoryRoot.Path, "samples", "case-515", "case-515.jsonl"))
            .Where(l => l.Length > 0)
            .ToList();

        Assert.All(lines, line => Assert.Equal(
            Canonical(FactParser.ParseThoroughly(line, fromStatement: false).Fact),
            Canonical(WellFormedFact.TryRead(line, fromStatement: false))));
    }

    public static TheoryData<string> LinesLeftToTheThoroughPath() => new()
    {
        // a computed field the record does not read, a key twice, a required field null or missing
        $"{{{Envelope},\"type\":\"PrepaidValuePurchased\",\"lot\":\"L\",\"product\":\"p\",\"buyer\":\"b\",\"paid\":1,\"faceValue\":1,\"receivingAccount\":\"x\"}}",
        $"{{{Envelope},\"type\":\"FundsTransferred\",\"from\":\"a\",\"to\":\"b\",\"amount\":1,\"amount\":1}}",
        $"{{{Envelope},\"type\":\"FundsTransferred\",\"type\":\"FundsTransferred\",\"from\":\"a\",\"to\":\"b\",\"amount\":1}}",
        $"{{{Envelope},\"type\":\"FundsTransferred\",\"from\":null,\"to\":\"b\",\"amount\":1}}",
        $"{{{Envelope},\"type\":\"FundsTransferred\",\"to\":\"b\",\"amount\":1}}",
        // a key spelt with an escape, a type the thorough path names, one only a statement import may state
        $"{{{Envelope},\"type\":\"FundsTransferred\",\"fr\\u006Fm\":\"a\",\"to\":\"b\",\"amount\":1}}",
        $"{{{Envelope},\"type\":\"Funds\\u0054ransferred\",\"from\":\"a\",\"to\":\"b\",\"amount\":1}}",
        $"{{{Envelope},\"type\":\"StatementRowMatched\",\"fact\":\"f\",\"statement\":\"s\",\"row\":1}}",
        // values the fact refuses: a lone surrogate, a bad rule, trailing text, not an object
        $"{{{Envelope},\"type\":\"FundsTransferred\",\"from\":\"a\\ud800\",\"to\":\"b\",\"amount\":1}}",
        $"{{{Envelope},\"type\":\"FundsTransferred\",\"from\":\"a\",\"to\":\"a\",\"amount\":1}}",
        $"{{{Envelope},\"type\":\"FundsTransferred\",\"from\":\"a\",\"to\":\"b\",\"amount\":1}} x",
        "[1, 2]",
    };

    [Theory]
    [MemberData(nameof(LinesLeftToTheThoroughPath))]
    public void A_line_with_anything_wrong_or_unusual_is_left_to_the_thorough_path(string line)
    {
        Assert.Null(WellFormedFact.TryRead(line, fromStatement: false));
    }

    [Fact]
    public async Task On_damaged_lines_the_parser_gives_exactly_what_the_thorough_path_gives()
    {
        var readInOnePass = 0;
        await MutatedEvidence.AFile.SampleAsync(async file =>
        {
            await foreach (var line in JsonLinesReader.ReadAsync(new MemoryStream(file.Bytes()), TestContext.Current.CancellationToken))
            {
                if (line.Unreadable is not null) continue;
                var (fact, errors) = FactParser.Parse(line);
                var thorough = FactParser.ParseThoroughly(line.Text, fromStatement: false);

                Assert.Equal(Canonical(thorough.Fact), Canonical(fact));
                Assert.Equal(thorough.Errors, errors);
                if (WellFormedFact.TryRead(line.Text, fromStatement: false) is not null) readInOnePass++;
            }
        }, iter: 3_000, threads: 1, print: MutatedEvidence.Print);

        Assert.InRange(readInOnePass, 1_000, int.MaxValue);
    }

    private static string? Canonical(CaseEvent? fact) => fact is null ? null : Encoding.UTF8.GetString(CanonicalFact.Bytes(fact));
}
