using System.Text.Json.Serialization;

namespace LaunderTrail.Evidence;

[JsonConverter(typeof(JsonStringEnumConverter<AccountRole>))]
public enum AccountRole
{
    [JsonStringEnumMemberName("other")] Other,
    [JsonStringEnumMemberName("victim")] Victim,
    [JsonStringEnumMemberName("fraudster")] Fraudster,
    [JsonStringEnumMemberName("middleman")] Middleman,
    [JsonStringEnumMemberName("card-merchant")] CardMerchant,
    [JsonStringEnumMemberName("data-broker")] DataBroker,
    [JsonStringEnumMemberName("account-merchant")] AccountMerchant,
    [JsonStringEnumMemberName("lender")] Lender,
    [JsonStringEnumMemberName("issuer")] Issuer,
}
