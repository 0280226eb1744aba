using LaunderTrail.Access;

namespace LaunderTrail.Api.Security;

/// <summary>Which roles each kind of endpoint admits, for <c>[Authorize(Roles = …)]</c>.</summary>
internal static class Allowed
{
    public const string Readers = ApiRoles.Investigator + "," + ApiRoles.Auditor;
    public const string Writers = ApiRoles.Investigator;
    public const string Bundles = ApiRoles.Investigator + "," + ApiRoles.Auditor + "," + ApiRoles.Court;
}
