namespace LaunderTrail.Tracing;

/// <summary>
/// The per-origin figures of a ledger: what resales brought each buyer of each victim's value, and what each
/// account still holds of each origin. Single-origin value is tallied as it is; blended value is divided among its
/// origins by one <see cref="MixtureExpansion{TBucket}"/>.
/// </summary>
internal sealed class Attribution
{
    private Attribution(
        Dictionary<(int Victim, int Buyer), FaceAndCash> reached,
        Dictionary<Origin, Dictionary<int, FaceAndCash>> holdings)
    {
        Reached = reached;
        Holdings = holdings;
    }

    public IReadOnlyDictionary<(int Victim, int Buyer), FaceAndCash> Reached { get; }

    /// <summary>Per origin (unattributed included), the cash and face value each non-victim account (by number) holds.</summary>
    public IReadOnlyDictionary<Origin, Dictionary<int, FaceAndCash>> Holdings { get; }

    public static Attribution Of(FlowLedger ledger)
    {
        var blended = new MixtureExpansion<(bool Held, int Account)>();
        var reached = ledger.Reached.ToDictionary(
            r => r.Key, r => new FaceAndCash { FaceValue = r.Value.FaceValue, Cash = r.Value.Cash });
        var resales = ledger.BlendedResales;
        for (var i = 0; i < resales.Count; i++)
        {
            ref readonly var resale = ref resales[i];
            blended.Add((false, resale.Buyer), resale.Mixture, resale.FaceValue, resale.Cash);
        }

        var holdings = new Dictionary<Origin, Dictionary<int, FaceAndCash>>();
        foreach (var (account, pool) in ledger.CashPools())
        foreach (var parcel in pool.Parcels)
        {
            if (parcel.Mixture is Blend blend) blended.Add((true, account), blend, 0m, parcel.Amount);
            else HeldAt(holdings, ((SingleOrigin)parcel.Mixture).Origin, account).Cash += parcel.Amount;
        }
        foreach (var lot in ledger.Lots)
        foreach (var (account, pool) in lot.Holders)
        foreach (var parcel in pool.Parcels)
        {
            if (parcel.Mixture is Blend blend) blended.Add((true, account), blend, parcel.Amount, 0m);
            else HeldAt(holdings, ((SingleOrigin)parcel.Mixture).Origin, account).FaceValue += parcel.Amount;
        }

        foreach (var ((held, account), origin, faceValue, cash) in blended.PerOrigin())
        {
            FaceAndCash tally;
            if (held) tally = HeldAt(holdings, origin, account);
            else if (origin.IsVictim) tally = ReachedAt(reached, origin.Victim, account);
            else continue;
            tally.FaceValue += faceValue;
            tally.Cash += cash;
        }
        return new Attribution(reached, holdings);
    }

    private static FaceAndCash HeldAt(Dictionary<Origin, Dictionary<int, FaceAndCash>> holdings, Origin origin, int account)
    {
        if (!holdings.TryGetValue(origin, out var byAccount))
            holdings.Add(origin, byAccount = []);
        if (!byAccount.TryGetValue(account, out var tally))
            byAccount.Add(account, tally = new FaceAndCash());
        return tally;
    }

    private static FaceAndCash ReachedAt(Dictionary<(int Victim, int Buyer), FaceAndCash> reached, int victim, int buyer)
    {
        if (!reached.TryGetValue((victim, buyer), out var tally))
            reached.Add((victim, buyer), tally = new FaceAndCash());
        return tally;
    }
}
