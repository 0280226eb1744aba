using System.Text;
using System.Text.Json;
using LaunderTrail.Generation;
using Xunit;

namespace LaunderTrail.Tests.Generation;

public sealed class CaseEventJsonLinesTests
{
    private static readonly GenerationOptions Small = new(Events: 500);

    [Fact]
    public void Each_event_is_one_compact_object_on_its_own_line_in_UTF8_without_a_BOM()
    {
        var bytes = GeneratedCase.JsonLines(Small);
        var text = Encoding.UTF8.GetString(bytes);
        var lines = text.Split('\n');

        Assert.False(bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble));
        Assert.DoesNotContain('\r', text);
        Assert.Equal("", lines[^1]);
        Assert.Equal(500, lines.Length - 1);
        Assert.All(lines[..^1], line => Assert.Equal(JsonValueKind.Object, JsonDocument.Parse(line).RootElement.ValueKind));
    }

    [Fact]
    public void Every_line_starts_with_id_case_type_and_at()
    {
        var lines = Encoding.UTF8.GetString(GeneratedCase.JsonLines(Small)).Split('\n')[..^1];

        Assert.All(lines, line => Assert.Equal(
            ["id", "case", "type", "at"],
            JsonDocument.Parse(line).RootElement.EnumerateObject().Take(4).Select(p => p.Name)));
    }

    [Fact]
    public void The_text_writer_writes_the_same_lines_as_the_stream_writer()
    {
        using var text = new StringWriter();
        var written = CaseEventJsonLines.Write(ReferenceCaseGenerator.Generate(Small), text);

        Assert.Equal(500, written);
        Assert.Equal(Encoding.UTF8.GetString(GeneratedCase.JsonLines(Small)), text.ToString());
    }
}
