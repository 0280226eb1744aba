namespace LaunderTrail.Flows;

/// <summary>A form of a case's trace that the read models keep as the interchange format writes it.</summary>
public enum StoredForm
{
    /// <summary>The flow report.</summary>
    Report,

    /// <summary>The flow graph.</summary>
    Graph,
}
