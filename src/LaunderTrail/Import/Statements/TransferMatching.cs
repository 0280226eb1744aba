namespace LaunderTrail.Import.Statements;

/// <summary>
/// A transfer as matching sees it: a row of a statement being imported, or a fact a statement import recorded earlier.
/// <see cref="Holder"/> is the name the row's statement gives its own account's holder, when it gives one.
/// </summary>
public sealed record MatchRow(
    string Own,
    string Counterparty,
    string? Holder,
    Flow Flow,
    decimal Amount,
    DateTimeOffset At,
    string? Reference,
    string Channel,
    bool Recorded);

public enum MatchOutcome
{
    /// <summary>A transfer of its own: recorded as a fact.</summary>
    Record,

    /// <summary>The other side (or a repeat) of the transfer of <see cref="MatchDecision.Fact"/>: cited, not counted again.</summary>
    Matched,

    /// <summary>May be the other side of one of <see cref="MatchDecision.Candidates"/>: left out of the figures, for review.</summary>
    Undecided,
}

/// <param name="Fact">For <see cref="MatchOutcome.Matched"/>: the row (by index) whose fact this row also shows.</param>
/// <param name="Candidates">For <see cref="MatchOutcome.Undecided"/>: the rows (by index) it may be, in order.</param>
public readonly record struct MatchDecision(MatchOutcome Outcome, int Fact = -1, IReadOnlyList<int>? Candidates = null);

/// <summary>
/// Decides which statement rows show the same transfer (docs/statements.md, "Both sides of a transfer, once"). Two rows
/// are candidates when they come from different accounts' statements, move the same amount in opposite directions,
/// name each other consistently (the counterparty as an alias resolves it, a mask such as <c>6222****1234</c> that fits
/// the account, or the holder's name; at least one side positively, neither side contradicting), and are close in time:
/// the same reference within three days (strongest), the same instant, or within a day (weakest). Each row keeps only
/// its strongest candidates. A pair that only has each other is one transfer; a larger group is undecided: its recorded
/// facts stay (or, if none, the rows of the statement with most rows in the group), the other rows are left for review.
/// A row with the same channel, account, reference, amount, direction and time as an earlier one is a repeat of it
/// (overlapping statements of one account).
/// Pure: no I/O.
/// </summary>
public static class TransferMatching
{
    public static readonly TimeSpan Window = TimeSpan.FromDays(1);
    public static readonly TimeSpan ReferenceWindow = TimeSpan.FromDays(3);

    private const int SameReference = 0;
    private const int SameInstant = 1;
    private const int WithinWindow = 2;

    /// <summary>A decision for every row, in the order given; recorded rows are always <see cref="MatchOutcome.Record"/>.</summary>
    public static IReadOnlyList<MatchDecision> Decide(IReadOnlyList<MatchRow> rows)
    {
        var decisions = new MatchDecision[rows.Count];
        var open = new List<int>();
        var firstWithReference = new Dictionary<(string, string, string), int>();
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            if (row.Reference is { } reference && !firstWithReference.TryAdd((row.Channel, row.Own, reference), i) && !row.Recorded)
            {
                var first = firstWithReference[(row.Channel, row.Own, reference)];
                if (rows[first] is var earlier && earlier.Amount == row.Amount && earlier.Flow == row.Flow && earlier.At == row.At)
                {
                    decisions[i] = new MatchDecision(MatchOutcome.Matched, first);
                    continue;
                }
            }

            decisions[i] = new MatchDecision(MatchOutcome.Record);
            open.Add(i);
        }

        Pair(rows, open, decisions);
        return decisions;
    }

    /// <summary>
    /// The second half of <see cref="Decide"/> alone, for rows none of which is a repeat: which rows show the two sides
    /// of one transfer. Two rows can only pair when they move the same amount, so rows may be given one amount at a
    /// time, in the order <see cref="Decide"/> would see them, with the same decisions.
    /// </summary>
    public static IReadOnlyList<MatchDecision> Pair(IReadOnlyList<MatchRow> rows)
    {
        var decisions = new MatchDecision[rows.Count];
        Array.Fill(decisions, new MatchDecision(MatchOutcome.Record));
        Pair(rows, Enumerable.Range(0, rows.Count).ToList(), decisions);
        return decisions;
    }

    private static void Pair(IReadOnlyList<MatchRow> rows, List<int> open, MatchDecision[] decisions)
    {
        var edges = Edges(rows, open);
        var best = new Dictionary<int, int>();
        foreach (var (a, b, tier) in edges)
        {
            best[a] = Math.Min(best.GetValueOrDefault(a, int.MaxValue), tier);
            best[b] = Math.Min(best.GetValueOrDefault(b, int.MaxValue), tier);
        }

        var kept = edges.Where(e => best[e.A] == e.Tier && best[e.B] == e.Tier).ToList();
        var neighbours = new Dictionary<int, List<int>>();
        foreach (var (a, b, _) in kept)
        {
            (neighbours.TryGetValue(a, out var na) ? na : neighbours[a] = []).Add(b);
            (neighbours.TryGetValue(b, out var nb) ? nb : neighbours[b] = []).Add(a);
        }

        var seen = new HashSet<int>();
        foreach (var start in neighbours.Keys.Order())
        {
            if (!seen.Add(start)) continue;
            var group = new List<int> { start };
            for (var k = 0; k < group.Count; k++)
                foreach (var next in neighbours[group[k]])
                    if (seen.Add(next)) group.Add(next);
            group.Sort();
            Decide(rows, decisions, group, neighbours);
        }
    }

    private static void Decide(IReadOnlyList<MatchRow> rows, MatchDecision[] decisions, List<int> group, Dictionary<int, List<int>> neighbours)
    {
        if (group.Count == 2 && !(rows[group[0]].Recorded && rows[group[1]].Recorded))
        {
            // Recorded facts come before the rows being imported, so the first of the two is the one that stays.
            decisions[group[1]] = new MatchDecision(MatchOutcome.Matched, group[0]);
            return;
        }

        var recorded = group.Where(i => rows[i].Recorded).ToList();
        var keptSide = recorded.Count > 0
            ? null
            : group.GroupBy(i => rows[i].Own).OrderByDescending(side => side.Count()).ThenBy(side => side.Min()).First().Key;
        bool Stays(int i) => rows[i].Recorded || (keptSide is not null && rows[i].Own == keptSide);
        foreach (var i in group)
        {
            if (Stays(i)) continue;
            var candidates = neighbours[i].Where(Stays).Order().ToList();
            decisions[i] = new MatchDecision(MatchOutcome.Undecided,
                Candidates: candidates.Count > 0 ? candidates : group.Where(Stays).ToList());
        }
    }

    private static List<(int A, int B, int Tier)> Edges(IReadOnlyList<MatchRow> rows, List<int> open)
    {
        var edges = new List<(int, int, int)>();
        // Per amount, each out row is compared with the in rows of other accounts within the widest window, found by a
        // binary search in each account's in rows sorted by time: a statement of one account compares nothing with itself.
        foreach (var sameAmount in open.GroupBy(i => rows[i].Amount))
        {
            var ins = sameAmount.Where(i => rows[i].Flow == Flow.In)
                .GroupBy(i => rows[i].Own)
                .Select(account => (Own: account.Key, Rows: account.OrderBy(i => rows[i].At.UtcTicks).ThenBy(i => i).ToArray()))
                .ToList();
            foreach (var sender in sameAmount.Where(i => rows[i].Flow == Flow.Out))
            {
                var from = (rows[sender].At - ReferenceWindow).UtcTicks;
                var until = (rows[sender].At + ReferenceWindow).UtcTicks;
                foreach (var (own, received) in ins)
                {
                    if (own == rows[sender].Own) continue;
                    for (var k = FirstAtOrAfter(rows, received, from); k < received.Length && rows[received[k]].At.UtcTicks <= until; k++)
                    {
                        var (a, b) = sender < received[k] ? (sender, received[k]) : (received[k], sender);
                        if (rows[a].Recorded && rows[b].Recorded) continue;
                        if (Tier(rows[a], rows[b]) is { } tier) edges.Add((a, b, tier));
                    }
                }
            }
        }

        return edges;
    }

    private static int FirstAtOrAfter(IReadOnlyList<MatchRow> rows, int[] sorted, long ticks)
    {
        int low = 0, high = sorted.Length;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (rows[sorted[middle]].At.UtcTicks < ticks) low = middle + 1;
            else high = middle;
        }

        return low;
    }

    private static int? Tier(MatchRow a, MatchRow b)
    {
        if (a.Own == b.Own || a.Flow == b.Flow || a.Flow == Flow.Neither || b.Flow == Flow.Neither) return null;
        var (sender, receiver) = a.Flow == Flow.Out ? (a, b) : (b, a);
        var toReceiver = Naming(sender.Counterparty, receiver.Own, receiver.Holder);
        var toSender = Naming(receiver.Counterparty, sender.Own, sender.Holder);
        if (toReceiver == Consistency.Contradicts || toSender == Consistency.Contradicts) return null;
        if (toReceiver != Consistency.Names && toSender != Consistency.Names) return null;

        var apart = (a.At - b.At).Duration();
        var bothReferenced = a.Reference is not null && b.Reference is not null;
        if (bothReferenced && a.Reference == b.Reference) return apart <= ReferenceWindow ? SameReference : null;
        // A payment platform numbers one transfer once for both of its users: different numbers are different transfers.
        if (bothReferenced && a.Channel == b.Channel && a.Channel is "alipay" or "wechat") return null;
        if (apart == TimeSpan.Zero) return SameInstant;
        return apart <= Window ? WithinWindow : null;
    }

    private enum Consistency
    {
        Names,
        Unknown,
        Contradicts,
    }

    /// <summary>Whether a statement's counterparty <paramref name="shown"/> is the account <paramref name="account"/> held by <paramref name="holder"/>.</summary>
    private static Consistency Naming(string shown, string account, string? holder)
    {
        if (shown == account) return Consistency.Names;
        if (shown.Contains('*')) return Masked.Fits(shown, account) ? Consistency.Names : Consistency.Contradicts;
        if (holder is not null && shown == holder) return Consistency.Names;
        // Another account number is a contradiction; a name the statement does not tie to the account is not evidence either way.
        return LooksLikeAccountNumber(shown) ? Consistency.Contradicts : Consistency.Unknown;
    }

    private static bool LooksLikeAccountNumber(string text) =>
        text.Length >= 6 && text.Count(char.IsAsciiDigit) >= text.Length - 2;
}

/// <summary>Masked account numbers as statements show them: <c>6222****1234</c> fits an account that starts and ends with the shown digits.</summary>
public static class Masked
{
    public static bool Fits(string masked, string account)
    {
        var first = masked.IndexOf('*');
        var last = masked.LastIndexOf('*');
        if (first < 0) return masked == account;
        var head = masked[..first];
        var tail = masked[(last + 1)..];
        return (head.Length > 0 || tail.Length > 0) && account.Length > head.Length + tail.Length &&
               account.StartsWith(head, StringComparison.Ordinal) && account.EndsWith(tail, StringComparison.Ordinal);
    }
}
