using System.Collections.Frozen;

namespace LaunderTrail.Evidence;

/// <summary>The interchange type names and the records they map to.</summary>
public static class EvidenceTypes
{
    public static readonly IReadOnlyList<Type> All =
    [
        typeof(AccountIdentified),
        typeof(LoanDisbursed),
        typeof(FundsTransferred),
        typeof(PrepaidValuePurchased),
        typeof(PrepaidValueTransferred),
        typeof(PrepaidValueResold),
        typeof(OrderDataSold),
        typeof(AccountsSold),
        typeof(VictimContacted),
        typeof(EventRetracted),
    ];

    private static readonly FrozenDictionary<string, Type> ByName =
        All.ToFrozenDictionary(t => t.Name, StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, Type>.AlternateLookup<ReadOnlySpan<char>> BySpelling =
        ByName.GetAlternateLookup<ReadOnlySpan<char>>();

    public static bool TryFind(string name, out Type type) => ByName.TryGetValue(name, out type!);

    public static bool TryFind(ReadOnlySpan<char> name, out Type type) => BySpelling.TryGetValue(name, out type!);

    public static string NameOf(Type type) => type.Name;
}
