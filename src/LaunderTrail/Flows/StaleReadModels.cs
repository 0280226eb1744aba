namespace LaunderTrail.Flows;

/// <summary>What a read does about a case whose read models are behind its recorded facts.</summary>
public enum StaleReadModels
{
    /// <summary>
    /// Traces the case first, then reads what it stored: a process with no daemon behind it (the command line, which
    /// exits when it has answered).
    /// </summary>
    TraceFirst,

    /// <summary>
    /// Reads what is stored, saying which recorded fact it reflects; never traces. A node whose daemon keeps the read
    /// models current (<c>laundertrail serve</c>).
    /// </summary>
    ServeAsStored,
}
