using System.Runtime.InteropServices;
using LaunderTrail.Evidence;

namespace LaunderTrail.Tracing;

/// <summary>
/// Applies a case's facts, in the order they happened, to the pools of TRACING.md and keeps the tallies the
/// flow report is made of. Each fact costs time in proportion to the parcels it moves, never a rescan: under
/// pro-rata one or two, whatever the number of origins mixed in them (<see cref="MixturePool"/>).
/// </summary>
internal sealed class FlowLedger(AccountBook accounts, TracingRule rule)
{
    private readonly Dictionary<string, IValuePool> cashPools = new(StringComparer.Ordinal);
    private readonly Dictionary<string, LotRecord> lots = new(StringComparer.Ordinal);
    private readonly Func<IValuePool> newCashPool = rule == TracingRule.Fifo ? () => new FifoPool() : () => new MixturePool();
    private readonly Func<IValuePool> newLotPool = rule == TracingRule.Fifo ? () => new ProportionalPool() : () => new MixturePool();
    private readonly Dictionary<(string Account, string Lot), decimal> victimLotCounts = [];
    private readonly Dictionary<string, decimal> lossOfVictim = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Victim, string Account), decimal> hops = [];
    private readonly Dictionary<(string Victim, string Buyer), FaceAndCash> reached = [];
    private readonly List<BlendedResale> blendedResales = [];
    private readonly Dictionary<string, Mixture> victimMixtures = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Buyer, string Product), MerchantTally> merchantTallies = [];
    private readonly Dictionary<(string Buyer, string Lot), MerchantTally> resalesBeforePurchase = [];
    private readonly List<Problem> problems = [];

    // The parcels in flight while one fact is applied (what left a pool, and the parts it was split into), reused
    // from fact to fact: a new list per take and per split was a quarter of what tracing a large case allocated.
    private readonly List<Parcel> taken = [];
    private readonly List<Parcel> parts = [];
    private decimal prepaidFaceValue;
    private decimal prepaidPaid;
    private decimal resoldFaceValue;
    private decimal resaleCash;

    public AccountBook Accounts => accounts;
    public IReadOnlyDictionary<string, IValuePool> CashPools => cashPools;

    /// <summary>Every lot, with the pools of the non-victim accounts that hold part of it.</summary>
    public IEnumerable<LotRecord> Lots => lots.Values;
    public IReadOnlyDictionary<string, decimal> LossOfVictim => lossOfVictim;
    public IReadOnlyDictionary<(string Victim, string Account), decimal> Hops => hops;

    /// <summary>What resales of single-origin value brought each buyer, per victim.</summary>
    public IReadOnlyDictionary<(string Victim, string Buyer), FaceAndCash> Reached => reached;

    /// <summary>Resales of blended value, whose share per victim <see cref="Attribution"/> works out at the end.</summary>
    public IReadOnlyList<BlendedResale> BlendedResales => blendedResales;

    /// <summary>
    /// What each buyer bought of each product. A lot resold before its purchase happened is tallied by lot until
    /// the end, when its product is whatever the purchase said, if one came at all.
    /// </summary>
    public IEnumerable<((string Buyer, string Product) Merchant, MerchantTally Tally)> MerchantTallies()
    {
        foreach (var (merchant, tally) in merchantTallies) yield return (merchant, tally);
        foreach (var ((buyer, lot), tally) in resalesBeforePurchase)
            yield return ((buyer, lots[lot].Product ?? ""), tally);
    }

    public IReadOnlyList<Problem> Problems => problems;
    public decimal ResoldFaceValue => resoldFaceValue;
    public decimal ResaleCash => resaleCash;

    public FlowTotals Totals() =>
        new(lossOfVictim.Values.Sum(), prepaidFaceValue, prepaidPaid, resoldFaceValue, resaleCash);

    public void Apply(CaseEvent fact)
    {
        switch (fact)
        {
            case LoanDisbursed loan: Apply(loan); break;
            case FundsTransferred transfer: Apply(transfer); break;
            case PrepaidValuePurchased purchase: Apply(purchase); break;
            case PrepaidValueTransferred handover: Apply(handover); break;
            case PrepaidValueResold resale: Apply(resale); break;
            // Identifications are read up front; helper facts (order data, accounts, contacts) move no money.
        }
    }

    // The lender's own money is not traced: the loan arrives from outside the trace, whatever the lender holds.
    private void Apply(LoanDisbursed loan) =>
        DepositCash(loan.To, new Parcel(Mixture.Unattributed, loan.Amount));

    private void Apply(FundsTransferred transfer)
    {
        if (accounts.IsVictim(transfer.From))
        {
            if (accounts.IsVictim(transfer.To)) return;
            RecordLoss(transfer.From, transfer.To, transfer.Amount);
            DepositCash(transfer.To, new Parcel(VictimMixture(transfer.From), transfer.Amount));
            return;
        }
        DepositCash(transfer.To, TakeCash(transfer.From, transfer.Amount));
    }

    private void Apply(PrepaidValuePurchased purchase)
    {
        var lot = Lot(purchase.Lot);
        if (lot.Product is not null)
        {
            problems.Add(new Problem(purchase.Id, $"lot {purchase.Lot} was already bought"));
            return;
        }
        lot.Product = purchase.Product;
        prepaidFaceValue += purchase.FaceValue;
        prepaidPaid += purchase.Paid;

        var holder = purchase.ReceivingAccount;
        if (accounts.IsVictim(purchase.Buyer))
        {
            if (accounts.IsVictim(holder))
            {
                CountVictimLot(holder, purchase.Lot, purchase.FaceValue);
                return;
            }
            RecordLoss(purchase.Buyer, holder, purchase.Paid);
            LotPool(holder, purchase.Lot).Add(new Parcel(VictimMixture(purchase.Buyer), purchase.FaceValue));
            return;
        }

        // The cash paid goes to the issuer and leaves the trace; the face value carries its origins on.
        var paid = TakeCash(purchase.Buyer, purchase.Paid);
        DepositLot(holder, purchase.Lot, Split(purchase.FaceValue, paid));
    }

    private void Apply(PrepaidValueTransferred handover)
    {
        var held = LotHeld(handover.From, handover.Lot);
        if (handover.FaceValue is null && held == 0m)
        {
            problems.Add(new Problem(handover.Id, $"{handover.From} holds none of lot {handover.Lot}"));
            return;
        }

        var faceValue = handover.FaceValue ?? held;
        var moved = TakeLot(handover.From, handover.Lot, faceValue);
        if (accounts.IsVictim(handover.From) && !accounts.IsVictim(handover.To))
            RecordLoss(handover.From, handover.To, faceValue);
        DepositLot(handover.To, handover.Lot, moved);
    }

    private void Apply(PrepaidValueResold resale)
    {
        var victimParty = accounts.IsVictim(resale.Seller) ? resale.Seller
            : accounts.IsVictim(resale.Buyer) ? resale.Buyer
            : null;
        if (victimParty is not null)
        {
            problems.Add(new Problem(resale.Id,
                $"{victimParty} is a victim account, and a victim's account does not resell or buy prepaid value"));
            return;
        }

        var held = LotHeld(resale.Seller, resale.Lot);
        if (resale.FaceValue is null && held == 0m)
        {
            problems.Add(new Problem(resale.Id, $"{resale.Seller} holds none of lot {resale.Lot}"));
            return;
        }

        var faceValue = resale.FaceValue ?? held;
        var sold = TakeLot(resale.Seller, resale.Lot, faceValue);
        DepositLot(resale.Buyer, resale.Lot, sold);

        // The seller turned the origins' value into cash: the price keeps the proportions of the face value sold.
        var proceeds = Split(resale.Price, sold);
        DepositCash(resale.ReceivingAccount, proceeds);

        // Split gives one part per share that holds something, in order; shares of exactly zero get none.
        var part = 0;
        foreach (var share in sold)
        {
            if (share.Amount == 0m) continue;
            var cash = proceeds[part++].Amount;
            switch (share.Mixture)
            {
                case SingleOrigin { Origin.Victim: { } victim }:
                    var tally = GetOrAdd(reached, (victim, resale.Buyer));
                    tally.FaceValue += share.Amount;
                    tally.Cash += cash;
                    break;
                case Blend blend:
                    blendedResales.Add(new BlendedResale(resale.Buyer, blend, share.Amount, cash));
                    break;
            }
        }

        var merchant = Lot(resale.Lot).Product is { } product
            ? GetOrAdd(merchantTallies, (resale.Buyer, product))
            : GetOrAdd(resalesBeforePurchase, (resale.Buyer, resale.Lot));
        merchant.FaceValue += faceValue;
        merchant.Price += resale.Price;
        merchant.Resales++;
        resoldFaceValue += faceValue;
        resaleCash += resale.Price;
    }

    private void RecordLoss(string victimAccount, string recipient, decimal amount)
    {
        var victim = accounts.HolderOf(victimAccount);
        lossOfVictim[victim] = lossOfVictim.GetValueOrDefault(victim) + amount;
        hops[(victim, recipient)] = hops.GetValueOrDefault((victim, recipient)) + amount;
    }

    // Victim accounts keep no pools: what reaches them leaves the trace.
    private void DepositCash(string account, List<Parcel> parcels)
    {
        if (accounts.IsVictim(account)) return;
        var pool = CashPool(account);
        foreach (var parcel in parcels) pool.Add(parcel);
    }

    private void DepositCash(string account, Parcel parcel)
    {
        if (!accounts.IsVictim(account)) CashPool(account).Add(parcel);
    }

    /// <returns>The parcels taken, in the ledger's list of parcels in flight.</returns>
    private List<Parcel> TakeCash(string account, decimal amount)
    {
        taken.Clear();
        CashPool(account).Take(amount, taken);
        return taken;
    }

    /// <returns>The parts, in the ledger's list of split parcels in flight.</returns>
    private List<Parcel> Split(decimal whole, List<Parcel> shares)
    {
        parts.Clear();
        Proportions.Split(whole, CollectionsMarshal.AsSpan(shares), parts);
        return parts;
    }

    private void DepositLot(string account, string lot, List<Parcel> parcels)
    {
        if (accounts.IsVictim(account))
        {
            CountVictimLot(account, lot, parcels.Sum(p => p.Amount));
            return;
        }
        var pool = LotPool(account, lot);
        foreach (var parcel in parcels) pool.Add(parcel);
    }

    /// <remarks>
    /// A victim is an origin, so all the face value leaving her account is hers, even beyond what her count says
    /// she holds (the count only gives an omitted faceValue its meaning). From a non-victim account, face value
    /// beyond its pool is unattributed.
    /// </remarks>
    /// <returns>The parcels taken, in the ledger's list of parcels in flight.</returns>
    private List<Parcel> TakeLot(string account, string lot, decimal faceValue)
    {
        taken.Clear();
        if (!accounts.IsVictim(account))
        {
            Lot(lot).Take(account, faceValue, taken, newLotPool);
            return taken;
        }
        var held = victimLotCounts.GetValueOrDefault((account, lot));
        victimLotCounts[(account, lot)] = Math.Max(0m, held - faceValue);
        taken.Add(new Parcel(VictimMixture(account), faceValue));
        return taken;
    }

    private decimal LotHeld(string account, string lot) =>
        accounts.IsVictim(account)
            ? victimLotCounts.GetValueOrDefault((account, lot))
            : lots.TryGetValue(lot, out var record) && record.PoolOf(account) is { } pool ? pool.Total : 0m;

    private void CountVictimLot(string account, string lot, decimal faceValue) =>
        victimLotCounts[(account, lot)] = victimLotCounts.GetValueOrDefault((account, lot)) + faceValue;

    // One mixture per victim, so that value from the same victim is recognised as such wherever it goes.
    private Mixture VictimMixture(string victimAccount)
    {
        var victim = accounts.HolderOf(victimAccount);
        if (!victimMixtures.TryGetValue(victim, out var mixture))
        {
            mixture = new SingleOrigin(new Origin(victim));
            victimMixtures.Add(victim, mixture);
        }
        return mixture;
    }

    private IValuePool CashPool(string account)
    {
        if (!cashPools.TryGetValue(account, out var pool))
        {
            pool = newCashPool();
            cashPools.Add(account, pool);
        }
        return pool;
    }

    private IValuePool LotPool(string account, string lot) => Lot(lot).PoolFor(account, newLotPool);

    private LotRecord Lot(string lot) => GetOrAdd(lots, lot);

    private static TValue GetOrAdd<TKey, TValue>(Dictionary<TKey, TValue> entries, TKey key)
        where TKey : notnull where TValue : new()
    {
        if (!entries.TryGetValue(key, out var entry))
        {
            entry = new TValue();
            entries.Add(key, entry);
        }
        return entry;
    }
}
