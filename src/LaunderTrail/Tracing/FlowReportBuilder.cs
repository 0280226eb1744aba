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

    private static VictimRow VictimRow(
        string victim,
        IReadOnlyList<string> accounts,
        FlowLedger ledger,
        IReadOnlyDictionary<Origin, Dictionary<string, FaceAndCash>> holdings,
        IEnumerable<KeyValuePair<(string Victim, string Buyer), FaceAndCash>> reachedByHer,
        IEnumerable<KeyValuePair<(string Victim, string Account), decimal>> hopsFromHer)
    {
        var reached = reachedByHer
            .Where(r => !(Money.RoundsToZero(r.Value.FaceValue) && Money.RoundsToZero(r.Value.Cash)))
            .Select(r => new ReachedRow(r.Key.Buyer, ledger.Accounts.HolderOf(r.Key.Buyer), r.Value.FaceValue, r.Value.Cash))
            .OrderBy(row => row.Account, StringComparer.Ordinal)
            .ToList();
        var hops = hopsFromHer
            .Select(h => new HopRow(h.Key.Account, ledger.Accounts.HolderOf(h.Key.Account), ledger.Accounts.RoleOf(h.Key.Account), h.Value))
            .OrderBy(row => row.Account, StringComparer.Ordinal)
            .ToList();
        var held = holdings.TryGetValue(new Origin(victim), out var own) ? HoldingRows(own, ledger.Accounts) : [];

        return new VictimRow(victim, accounts, ledger.LossOfVictim.GetValueOrDefault(victim), reached, held, hops);
    }

    private static List<HoldingRow> HoldingRows(Dictionary<string, FaceAndCash> byAccount, AccountBook accounts) =>
        byAccount
            .Where(h => !(Money.RoundsToZero(h.Value.Cash) && Money.RoundsToZero(h.Value.FaceValue)))
            .Select(h => new HoldingRow(h.Key, accounts.HolderOf(h.Key), accounts.RoleOf(h.Key), h.Value.Cash, h.Value.FaceValue))
            .OrderBy(row => row.Account, StringComparer.Ordinal)
            .ToList();
}
