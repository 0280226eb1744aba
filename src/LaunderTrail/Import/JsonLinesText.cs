using System.Runtime.CompilerServices;

namespace LaunderTrail.Import;

/// <summary>JSON Lines already in memory (a request body, a test).</summary>
public sealed class JsonLinesText(string name, string text) : IEvidenceSource
{
    public string Name => name;

    public long? Length => text.Length;

    public async IAsyncEnumerable<SourceLine> ReadAsync([EnumeratorCancellation] CancellationToken ct)
    {
        using var reader = new StringReader(text);
        long number = 0;
        long read = 0;
        while (reader.ReadLine() is { } line)
        {
            ct.ThrowIfCancellationRequested();
            number++;
            read += line.Length + 1;
            yield return new SourceLine(number, line, Math.Min(read, text.Length));
        }

        await Task.CompletedTask;
    }
}
