using System.Reflection;
using System.Text.Json.Serialization;
using LaunderTrail.Evidence;

namespace LaunderTrail.Tracing;

/// <summary>The interchange names of the account roles, read from the evidence vocabulary so they cannot drift.</summary>
internal static class RoleNames
{
    private static readonly IReadOnlyDictionary<AccountRole, string> Names = Enum.GetValues<AccountRole>()
        .ToDictionary(role => role, role => typeof(AccountRole)
            .GetField(role.ToString())!
            .GetCustomAttribute<JsonStringEnumMemberNameAttribute>()!
            .Name);

    public static string Of(AccountRole role) => Names[role];
}
