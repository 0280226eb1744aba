namespace LaunderTrail.Import;

/// <summary>How far an import is: its phase (checking, then writing), bytes and lines read.</summary>
public readonly record struct ImportProgress(ImportPhase Phase, long BytesDone, long? BytesTotal, long Lines);

public enum ImportPhase
{
    Checking,
    Writing,
}
