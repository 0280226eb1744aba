namespace LaunderTrail.Api.Recording;

/// <summary>How far a case's recorded facts have been announced (<see cref="FactsRecorded"/>): its stream version then.</summary>
public sealed class RecordedFactsAnnounced
{
    /// <summary>The case number.</summary>
    public string Id { get; set; } = "";

    public long Version { get; set; }
}
