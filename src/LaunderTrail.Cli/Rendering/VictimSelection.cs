using LaunderTrail.Tracing;

namespace LaunderTrail.Cli.Rendering;

/// <summary>
/// Which victims' trails a terminal view draws: every victim (in the report's order, optionally one of them first),
/// the largest losses, or the victims one holder name or account names.
/// </summary>
public abstract record VictimSelection
{
    public const int DefaultLargest = 20;

    private VictimSelection() { }

    /// <summary>Every trail, the report's order, the victim with this holder name first when given.</summary>
    public sealed record All(string? First = null) : VictimSelection;

    /// <summary>The <paramref name="Count"/> largest losses, largest first (ties in the report's order).</summary>
    public sealed record Largest(int Count) : VictimSelection;

    /// <summary>The victims whose holder name is, or one of whose accounts is, <paramref name="NameOrAccount"/>.</summary>
    public sealed record Named(string NameOrAccount) : VictimSelection;

    /// <summary>The victims this selection draws, in the order they are drawn.</summary>
    public IReadOnlyList<VictimRow> Pick(IReadOnlyList<VictimRow> victims) => this switch
    {
        All { First: null } => victims,
        All { First: { } first } => victims.Where(v => v.Holder == first).Concat(victims.Where(v => v.Holder != first)).ToList(),
        Largest largest => LargestOf(victims, largest.Count),
        Named named => Matching(victims, named.NameOrAccount),
        _ => throw new InvalidOperationException($"unknown selection {this}"),
    };

    public static IReadOnlyList<VictimRow> Matching(IReadOnlyList<VictimRow> victims, string nameOrAccount) =>
        victims.Where(v => string.Equals(v.Holder, nameOrAccount, StringComparison.Ordinal) ||
                           v.Accounts.Contains(nameOrAccount, StringComparer.Ordinal)).ToList();

    /// <summary>The <paramref name="count"/> largest losses, largest first; a stable sort keeps ties in the report's order.</summary>
    public static IReadOnlyList<VictimRow> LargestOf(IReadOnlyList<VictimRow> victims, int count) =>
        victims.OrderByDescending(v => v.Loss).Take(count).ToList();
}
