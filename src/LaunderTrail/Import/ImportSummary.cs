namespace LaunderTrail.Import;

/// <summary>What an import did: facts newly recorded, already recorded (skipped), repeated within the source.</summary>
public sealed class ImportSummary
{
    public required string Batch { get; init; }
    public long Lines { get; set; }
    public long Recorded { get; set; }
    public long AlreadyRecorded { get; set; }
    public long RepeatedInSource { get; set; }

    /// <summary>Per fact type: (newly recorded, already recorded), sorted by type name.</summary>
    public SortedDictionary<string, (long Recorded, long AlreadyRecorded)> ByType { get; } = new(StringComparer.Ordinal);

    public SortedSet<string> Cases { get; } = new(StringComparer.Ordinal);

    public TimeSpan Checking { get; set; }
    public TimeSpan Writing { get; set; }
}
