namespace LaunderTrail.Access;

/// <summary>The names the command line, the API and the access log give the roles.</summary>
public static class ApiRoles
{
    public const string Investigator = "investigator";
    public const string Auditor = "auditor";
    public const string Court = "court";

    public static string Name(ApiRole role) => role switch
    {
        ApiRole.Investigator => Investigator,
        ApiRole.Auditor => Auditor,
        ApiRole.Court => Court,
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "unknown role"),
    };

    public static bool TryParse(string? name, out ApiRole role)
    {
        foreach (var candidate in Enum.GetValues<ApiRole>())
        {
            if (string.Equals(Name(candidate), name, StringComparison.Ordinal))
            {
                role = candidate;
                return true;
            }
        }

        role = default;
        return false;
    }
}
