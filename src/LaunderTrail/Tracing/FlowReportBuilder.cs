namespace LaunderTrail.Tracing;

/// <summary>Turns a ledger that has applied a case into the rows of the flow report, every list sorted ordinally.</summary>
internal static class FlowReportBuilder
{
    public static FlowReport Build(string caseId, DateTimeOffset? asOf, TracingRule rule, FlowLedger ledger)
    {
        var attribution = Attribution.Of(ledger);
        var holdings = attribution.Holdings;
        var reachedByVictim = attribution.Reached.ToLookup(r => r.Key.Victim, StringComparer.Ordinal);
        var hopsByVictim = ledger.Hops.ToLookup(h => h.Key.Victim, StringComparer.Ordinal);
        var victims = ledger.Accounts.Victims()
            .Select(victim => VictimRow(
                victim.Holder, victim.Accounts, ledger, holdings, reachedByVictim[victim.Holder], hopsByVictim[victim.Holder]))
            .ToList();
        var unattributed = holdings.TryGetValue(Origin.Unattributed, out var unknown)
            ? HoldingRows(unknown, ledger.Accounts)
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
                merchant.Key.Buyer,
                ledger.Accounts.HolderOf(merchant.Key.Buyer),
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
        IReadOnlyDictionary<Origin, Dictionary<string, FaceAndCash>> holdings,
        IEnumerable<KeyValuePair<(string Victim, string Buyer), FaceAndCash>> reachedByHer,
        IEnumerable<KeyValuePair<(string Victim, string Account), decimal>> hopsFromHer)
    {
        var reached = new List<ReachedRow>();
        foreach (var ((_, buyer), tally) in reachedByHer)
            if (!(Money.RoundsToZero(tally.FaceValue) && Money.RoundsToZero(tally.Cash)))
                reached.Add(new ReachedRow(buyer, ledger.Accounts.HolderOf(buyer), tally.FaceValue, tally.Cash));
        reached.Sort(static (a, b) => string.CompareOrdinal(a.Account, b.Account));
        var hops = new List<HopRow>();
        foreach (var ((_, account), amount) in hopsFromHer)
            hops.Add(new HopRow(account, ledger.Accounts.HolderOf(account), ledger.Accounts.RoleOf(account), amount));
        hops.Sort(static (a, b) => string.CompareOrdinal(a.Account, b.Account));
        var held = holdings.TryGetValue(new Origin(victim), out var own) ? HoldingRows(own, ledger.Accounts) : [];

        return new VictimRow(victim, accounts, ledger.LossOfVictim.GetValueOrDefault(victim), reached, held, hops);
    }

    private static List<HoldingRow> HoldingRows(Dictionary<string, FaceAndCash> byAccount, AccountBook accounts)
    {
        var rows = new List<HoldingRow>(byAccount.Count);
        foreach (var (account, held) in byAccount)
            if (!(Money.RoundsToZero(held.Cash) && Money.RoundsToZero(held.FaceValue)))
                rows.Add(new HoldingRow(account, accounts.HolderOf(account), accounts.RoleOf(account), held.Cash, held.FaceValue));
        rows.Sort(static (a, b) => string.CompareOrdinal(a.Account, b.Account));
        return rows;
    }
}
