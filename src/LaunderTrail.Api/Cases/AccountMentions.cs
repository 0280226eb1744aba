using System.Text.Json;
using LaunderTrail.Evidence;

namespace LaunderTrail.Api.Cases;

/// <summary>Whether a fact names an account in one of the interchange format's account fields.</summary>
internal static class AccountMentions
{
    private static readonly HashSet<string> AccountFields =
        new(["account", "from", "to", "buyer", "seller", "holder", "lender", "paidTo", "victim", "by"], StringComparer.Ordinal);

    public static bool Names(JsonElement fact, string account)
    {
        foreach (var property in fact.EnumerateObject())
        {
            if (AccountFields.Contains(property.Name) && property.Value.ValueKind == JsonValueKind.String &&
                property.Value.ValueEquals(account))
                return true;
            if (property.Name == "victims" && property.Value.ValueKind == JsonValueKind.Array &&
                property.Value.EnumerateArray().Any(v => v.ValueEquals(account)))
                return true;
        }

        return false;
    }

    public static JsonElement ToJson(CaseEvent fact) => JsonSerializer.SerializeToElement(fact, fact.GetType(), EvidenceJson.Options);
}
