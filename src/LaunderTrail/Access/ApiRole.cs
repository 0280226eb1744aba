namespace LaunderTrail.Access;

/// <summary>What an API key may do: investigators record and read, auditors read, the court fetches timeline bundles.</summary>
public enum ApiRole
{
    Investigator,
    Auditor,
    Court,
}
