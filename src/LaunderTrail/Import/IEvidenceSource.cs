namespace LaunderTrail.Import;

/// <summary>Where interchange lines come from. Import reads a source twice (check, then write), so it must be re-readable.</summary>
public interface IEvidenceSource
{
    /// <summary>How errors name the source: the file path as given, or a request's name.</summary>
    string Name { get; }

    long? Length { get; }

    IAsyncEnumerable<SourceLine> ReadAsync(CancellationToken ct);

    /// <summary>Where the fact on <paramref name="line"/> came from, recorded beside it: the file's name and the line.</summary>
    string OriginOf(SourceLine line) => line.Origin ?? $"{Path.GetFileName(Name)}:{line.Number}";
}
