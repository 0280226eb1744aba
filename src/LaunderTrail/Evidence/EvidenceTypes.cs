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
        typeof(StatementImported),
        typeof(StatementRowMatched),
        typeof(StatementRowUndecided),
    ];

    /// <summary>
    /// The types a statement import records about the statements themselves. They are stored, chained and read like
    /// every fact, but an interchange file or a posted batch may not state them: only the import that read the
    /// statement knows them to be true.
    /// </summary>
    public static readonly IReadOnlySet<Type> RecordedByStatementImport =
        new HashSet<Type> { typeof(StatementImported), typeof(StatementRowMatched), typeof(StatementRowUndecided) };

    /// <summary>The types an interchange file may state (docs/interchange.md).</summary>
    public static readonly IReadOnlyList<Type> Interchange = All.Where(t => !RecordedByStatementImport.Contains(t)).ToList();

    private static readonly FrozenDictionary<string, Type> ByName =
        All.ToFrozenDictionary(t => t.Name, StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, Type>.AlternateLookup<ReadOnlySpan<char>> BySpelling =
        ByName.GetAlternateLookup<ReadOnlySpan<char>>();

    public static bool TryFind(string name, out Type type) => ByName.TryGetValue(name, out type!);

    public static bool TryFind(ReadOnlySpan<char> name, out Type type) => BySpelling.TryGetValue(name, out type!);

    public static string NameOf(Type type) => type.Name;
}
