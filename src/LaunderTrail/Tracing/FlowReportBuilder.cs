namespace LaunderTrail.Tracing;

/// <summary>Turns a ledger that has applied a case into the rows of the flow report, every list sorted ordinally.</summary>
internal static class FlowReportBuilder
{
    public static FlowReport Build(string caseId, DateTimeOffset? asOf, TracingRule rule, FlowLedger ledger)
    {
        var attribution = Attribution.Of(ledger);
        var holdings = attribution.Holdings;
        var reachedByVictim = attribution.Reached.ToLookup(r => r.Key.Victim);
        var hopsByVictim = ledger.Hops.ToLookup(h => h.Key.Victim, StringComparer.Ordinal);
        var victims = ledger.Book.Victims()
            .Select(victim => VictimRow(
                victim.Holder, victim.Accounts, ledger, holdings, reachedByVictim, hopsByVictim[victim.Holder]))
            .ToList();
        var unattributed = holdings.TryGetValue(Origin.Unattributed, out var unknown)
            ? HoldingRows(unknown, ledger)
            : [];

        return new FlowReport(
            caseId,
            asOf,
            rule,
            ledger.Totals(),
            MerchantRows(ledger),
            victims,
            ledger.Problems.OrderBy(p => p.Id, StringComparer.Ordinal).ToList(),
            unattributed);
    }

    private static List<MerchantRow> MerchantRows(FlowLedger ledger) =>
        ledger.MerchantTallies()
            .GroupBy(merchant => merchant.Merchant, merchant => merchant.Tally)
            .Select(merchant => new MerchantRow(
                ledger.AccountName(merchant.Key.Buyer),
                ledger.Book.HolderOf(ledger.AccountName(merchant.Key.Buyer)),
                merchant.Key.Product,
                merchant.Sum(t => t.FaceValue),
                merchant.Sum(t => t.Price),
                merchant.Sum(t => t.Resales)))
            .OrderBy(row => row.Account, StringComparer.Ordinal)
            .ThenBy(row => row.Product, StringComparer.Ordinal)
            .ToList();

    // Built for each of tens of thousands of victims: lists sorted in place, not a query each.
    private static VictimRow VictimRow(
        string victim,
        IReadOnlyList<string> accounts,
        FlowLedger ledger,
        IReadOnlyDictionary<Origin, Dictionary<int, FaceAndCash>> holdings,
        ILookup<int, KeyValuePair<(int Victim, int Buyer), FaceAndCash>> reachedByVictim,
        IEnumerable<KeyValuePair<(string Victim, int Account), decimal>> hopsFromHer)
    {
        var origin = ledger.OriginOf(victim);
        var reached = new List<ReachedRow>();
        foreach (var ((_, buyer), tally) in reachedByVictim[origin.Victim])
        {
            if (Money.RoundsToZero(tally.FaceValue) && Money.RoundsToZero(tally.Cash)) continue;
            var name = ledger.AccountName(buyer);
            reached.Add(new ReachedRow(name, ledger.Book.HolderOf(name), tally.FaceValue, tally.Cash));
        }
        reached.Sort(static (a, b) => string.CompareOrdinal(a.Account, b.Account));
        var hops = new List<HopRow>();
        foreach (var ((_, account), amount) in hopsFromHer)
        {
            var name = ledger.AccountName(account);
            hops.Add(new HopRow(name, ledger.Book.HolderOf(name), ledger.Book.RoleOf(name), amount));
        }
        hops.Sort(static (a, b) => string.CompareOrdinal(a.Account, b.Account));
        var held = holdings.TryGetValue(origin, out var own) ? HoldingRows(own, ledger) : [];

        return new VictimRow(victim, accounts, ledger.LossOfVictim.GetValueOrDefault(victim), reached, held, hops);
    }

    private static List<HoldingRow> HoldingRows(Dictionary<int, FaceAndCash> byAccount, FlowLedger ledger)
    {
        var rows = new List<HoldingRow>(byAccount.Count);
        foreach (var (account, held) in byAccount)
        {
            if (Money.RoundsToZero(held.Cash) && Money.RoundsToZero(held.FaceValue)) continue;
            var name = ledger.AccountName(account);
            rows.Add(new HoldingRow(name, ledger.Book.HolderOf(name), ledger.Book.RoleOf(name), held.Cash, held.FaceValue));
        }
        rows.Sort(static (a, b) => string.CompareOrdinal(a.Account, b.Account));
        return rows;
    }
}
