using System.Runtime.InteropServices;
using LaunderTrail.Evidence;

namespace LaunderTrail.Tracing;

/// <summary>
/// Applies a case's facts, in the order they happened, to the pools of TRACING.md and keeps the tallies the
/// flow report is made of. Each fact costs time in proportion to the parcels it moves, never a rescan: under
/// pro-rata one or two, whatever the number of origins mixed in them (<see cref="MixturePool"/>). Accounts and lots
/// are known by number (<see cref="Numbering"/>), so their pools are found by index, not by hashing their names.
/// </summary>
/// <param name="graph">When given, records every edge of the flow graph as the money moves.</param>
internal sealed class FlowLedger(AccountBook book, Numbering numbering, TracingRule rule, FlowGraphRecorder? graph = null)
{
    private readonly NameTable accounts = numbering.Accounts;
    private readonly NameTable lots = numbering.Lots;

    private readonly Func<IValuePool> newCashPool = rule switch
    {
        TracingRule.Fifo => () => new FifoPool(),
        TracingRule.ProRata => () => new MixturePool(),
        TracingRule.Libr => LibrPool.ForCash,
        _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, "unknown tracing rule"),
    };

    // Lots are fungible inside: proportional under every rule.
    private readonly Func<IValuePool> newLotPool = rule switch
    {
        TracingRule.Fifo => () => new ProportionalPool(),
        TracingRule.ProRata => () => new MixturePool(),
        _ => LibrPool.ForLot,
    };

    // Indexed by account or lot number, sized for the names numbered so far (the facts' names, when a whole case is
    // traced). Pools and lot records are also listed in the order they were made, the order attribution adds them up in.
    private IValuePool?[] cashPoolOf = new IValuePool?[numbering.Accounts.Count];
    private LotRecord?[] lotOf = new LotRecord?[numbering.Lots.Count];
    private Mixture?[] victimMixtureOf = new Mixture?[numbering.Accounts.Count];
    private Mixture?[] mixtureOfVictim = [];
    private AccountRole?[] roleOf = new AccountRole?[numbering.Accounts.Count];
    private readonly List<int> cashAccounts = [];
    private readonly List<LotRecord> lotRecords = new(numbering.Lots.Count);

    private readonly Dictionary<(int Account, int Lot), decimal> victimLotCounts = [];
    private readonly Dictionary<string, decimal> lossOfVictim = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Victim, int Account), decimal> hops = [];
    private readonly Dictionary<(int Victim, int Buyer), FaceAndCash> reached = [];
    private readonly ChunkedList<BlendedResale> blendedResales = new();
    private readonly Dictionary<(int Buyer, string Product), MerchantTally> merchantTallies = [];
    private readonly Dictionary<(int Buyer, int Lot), MerchantTally> resalesBeforePurchase = [];
    private readonly List<Problem> problems = [];

    // The parcels in flight while one fact is applied (what left a pool, and the parts it was split into), reused
    // from fact to fact: a new list per take and per split was a quarter of what tracing a large case allocated.
    private readonly List<Parcel> taken = [];
    private readonly List<Parcel> parts = [];
    private decimal prepaidFaceValue;
    private decimal prepaidPaid;
    private decimal resoldFaceValue;
    private decimal resaleCash;

    public AccountBook Book => book;

    public Numbering Numbering => numbering;

    public TracingRule Rule => rule;

    public string AccountName(int account) => accounts[account];

    /// <summary>Every non-victim account's cash pool, in the order the accounts first held cash.</summary>
    public IEnumerable<(int Account, IValuePool Pool)> CashPools()
    {
        foreach (var account in cashAccounts) yield return (account, cashPoolOf[account]!);
    }

    /// <summary>Every lot, with the pools of the non-victim accounts that hold part of it.</summary>
    public IReadOnlyList<LotRecord> Lots => lotRecords;
    public IReadOnlyDictionary<string, decimal> LossOfVictim => lossOfVictim;
    public IReadOnlyDictionary<(string Victim, int Account), decimal> Hops => hops;

    /// <summary>What resales of single-origin value brought each buyer, per victim (<see cref="Origin.Victim"/>).</summary>
    public IReadOnlyDictionary<(int Victim, int Buyer), FaceAndCash> Reached => reached;

    public Origin OriginOf(string victim) => new(book.VictimNumber(victim));

    /// <summary>Resales of blended value, whose share per victim <see cref="Attribution"/> works out at the end.</summary>
    public ChunkedList<BlendedResale> BlendedResales => blendedResales;

    /// <summary>
    /// What each buyer bought of each product. A lot resold before its purchase happened is tallied by lot until
    /// the end, when its product is whatever the purchase said, if one came at all.
    /// </summary>
    public IEnumerable<((int Buyer, string Product) Merchant, MerchantTally Tally)> MerchantTallies()
    {
        foreach (var (merchant, tally) in merchantTallies) yield return (merchant, tally);
        foreach (var ((buyer, lot), tally) in resalesBeforePurchase)
            yield return ((buyer, lotOf[lot]!.Product ?? ""), tally);
    }

    public IReadOnlyList<Problem> Problems => problems;

    /// <summary>Lists a fact that moves nothing but must be shown with the problems (a statement row left for review).</summary>
    public void Note(Problem problem) => problems.Add(problem);
    public decimal ResoldFaceValue => resoldFaceValue;
    public decimal ResaleCash => resaleCash;

    public FlowTotals Totals() =>
        new(lossOfVictim.Values.Sum(), prepaidFaceValue, prepaidPaid, resoldFaceValue, resaleCash);

    /// <summary>Applies a recorded fact; identifications and helper facts (order data, accounts, contacts) move no money.</summary>
    public void Apply(CaseEvent fact)
    {
        if (MoneyFact.Of(fact, fact.Id.AsMemory(), numbering) is { } moving) Apply(moving);
    }

    public void Apply(in MoneyFact fact)
    {
        switch (fact.Move)
        {
            case MoneyMove.Loan: ApplyLoan(fact); break;
            case MoneyMove.Transfer: ApplyTransfer(fact); break;
            case MoneyMove.Purchase: ApplyPurchase(fact); break;
            case MoneyMove.Handover: ApplyHandover(fact); break;
            case MoneyMove.Resale: ApplyResale(fact); break;
        }
    }

    // The lender's own money is not traced: the loan arrives from outside the trace, whatever the lender holds.
    private void ApplyLoan(in MoneyFact loan)
    {
        var parcel = new Parcel(Mixture.Unattributed, loan.Amount);
        graph?.Record(new EdgeKey(loan.From, loan.To, FlowEdgeKind.Loan, EdgeKey.NoProduct), loan.Amount, parcel, loan.Id);
        DepositCash(loan.To, parcel);
    }

    private void ApplyTransfer(in MoneyFact transfer)
    {
        if (IsVictim(transfer.From))
        {
            if (IsVictim(transfer.To)) return;
            RecordLoss(transfer.From, transfer.To, transfer.Amount);
            var lost = new Parcel(VictimMixture(transfer.From), transfer.Amount);
            graph?.Record(CashEdge(transfer, FlowEdgeKind.Transfer), transfer.Amount, lost, transfer.Id);
            DepositCash(transfer.To, lost);
            return;
        }
        var taken = TakeCash(transfer.From, transfer.Amount);
        graph?.Record(CashEdge(transfer, FlowEdgeKind.Transfer), transfer.Amount, taken, transfer.Id);
        DepositCash(transfer.To, taken);
    }

    private void ApplyPurchase(in MoneyFact purchase)
    {
        var lot = Lot(purchase.Lot);
        if (lot.Product is not null)
        {
            problems.Add(new Problem(purchase.Id.ToString(), $"lot {lots[purchase.Lot]} was already bought"));
            return;
        }
        var faceValue = purchase.FaceValue!.Value;
        lot.Product = numbering.Products[purchase.Product];
        lot.ProductNumber = purchase.Product;
        prepaidFaceValue += faceValue;
        prepaidPaid += purchase.Amount;

        var holder = purchase.To;
        if (IsVictim(purchase.From))
        {
            if (IsVictim(holder))
            {
                CountVictimLot(holder, purchase.Lot, faceValue);
                return;
            }
            RecordLoss(purchase.From, holder, purchase.Amount);
            var mixture = VictimMixture(purchase.From);
            graph?.Record(PurchaseEdge(purchase), purchase.Amount, new Parcel(mixture, purchase.Amount), purchase.Id);
            graph?.Record(IssueEdge(purchase), faceValue, new Parcel(mixture, faceValue), purchase.Id);
            lot.PoolFor(holder, newLotPool).Add(new Parcel(mixture, faceValue));
            return;
        }

        // The cash paid goes to the issuer and leaves the trace; the face value carries its origins on.
        var paid = TakeCash(purchase.From, purchase.Amount);
        graph?.Record(PurchaseEdge(purchase), purchase.Amount, paid, purchase.Id);
        var issued = Split(faceValue, paid);
        graph?.Record(IssueEdge(purchase), faceValue, issued, purchase.Id);
        DepositLot(holder, purchase.Lot, issued);
    }

    private void ApplyHandover(in MoneyFact handover)
    {
        var held = LotHeld(handover.From, handover.Lot);
        if (handover.FaceValue is null && held == 0m)
        {
            problems.Add(new Problem(handover.Id.ToString(), $"{accounts[handover.From]} holds none of lot {lots[handover.Lot]}"));
            return;
        }

        var faceValue = handover.FaceValue ?? held;
        var moved = TakeLot(handover.From, handover.Lot, faceValue);
        var betweenVictims = IsVictim(handover.From) && IsVictim(handover.To);
        if (IsVictim(handover.From) && !betweenVictims)
            RecordLoss(handover.From, handover.To, faceValue);
        if (!betweenVictims) graph?.Record(ValueEdge(handover, FlowEdgeKind.Handover), faceValue, moved, handover.Id);
        DepositLot(handover.To, handover.Lot, moved);
    }

    private void ApplyResale(in MoneyFact resale)
    {
        var victimParty = IsVictim(resale.From) ? resale.From
            : IsVictim(resale.To) ? resale.To
            : MoneyFact.NoAccount;
        if (victimParty != MoneyFact.NoAccount)
        {
            problems.Add(new Problem(resale.Id.ToString(),
                $"{accounts[victimParty]} is a victim account, and a victim's account does not resell or buy prepaid value"));
            return;
        }

        var held = LotHeld(resale.From, resale.Lot);
        if (resale.FaceValue is null && held == 0m)
        {
            problems.Add(new Problem(resale.Id.ToString(), $"{accounts[resale.From]} holds none of lot {lots[resale.Lot]}"));
            return;
        }

        var faceValue = resale.FaceValue ?? held;
        var sold = TakeLot(resale.From, resale.Lot, faceValue);
        graph?.Record(ValueEdge(resale, FlowEdgeKind.Resale), faceValue, sold, resale.Id);
        DepositLot(resale.To, resale.Lot, sold);

        // The seller turned the origins' value into cash: the price keeps the proportions of the face value sold.
        var proceeds = Split(resale.Amount, sold);
        graph?.Record(new EdgeKey(resale.To, resale.CashTo, FlowEdgeKind.ResalePayment, EdgeKey.NoProduct), resale.Amount, proceeds, resale.Id);
        DepositCash(resale.CashTo, proceeds);

        // Split gives one part per share that holds something, in order; shares of exactly zero get none.
        var part = 0;
        foreach (var share in sold)
        {
            if (share.Amount == 0m) continue;
            var cash = proceeds[part++].Amount;
            switch (share.Mixture)
            {
                case SingleOrigin { Origin: { IsVictim: true } origin }:
                    var tally = GetOrAdd(reached, (origin.Victim, resale.To));
                    tally.FaceValue += share.Amount;
                    tally.Cash += cash;
                    break;
                case Blend blend:
                    blendedResales.Add(new BlendedResale(resale.To, blend, share.Amount, cash));
                    break;
            }
        }

        var merchant = Lot(resale.Lot).Product is { } product
            ? GetOrAdd(merchantTallies, (resale.To, product))
            : GetOrAdd(resalesBeforePurchase, (resale.To, resale.Lot));
        merchant.FaceValue += faceValue;
        merchant.Price += resale.Amount;
        merchant.Resales++;
        resoldFaceValue += faceValue;
        resaleCash += resale.Amount;
    }

    private static EdgeKey CashEdge(in MoneyFact fact, FlowEdgeKind kind) => new(fact.From, fact.To, kind, EdgeKey.NoProduct);

    private static EdgeKey PurchaseEdge(in MoneyFact purchase) =>
        new(purchase.From, EdgeKey.ProductNode(purchase.Product), FlowEdgeKind.Purchase, purchase.Product);

    private static EdgeKey IssueEdge(in MoneyFact purchase) =>
        new(EdgeKey.ProductNode(purchase.Product), purchase.To, FlowEdgeKind.Issue, purchase.Product);

    /// <summary>An edge of face value, of the lot's product, or of the lot itself until its purchase has been applied.</summary>
    private EdgeKey ValueEdge(in MoneyFact fact, FlowEdgeKind kind) =>
        new(fact.From, fact.To, kind, fact.Lot < lotOf.Length && lotOf[fact.Lot] is { Product: not null } lot ? lot.ProductNumber : ~fact.Lot);

    /// <summary>The product a lot was bought as, by number; null when no purchase of it was applied.</summary>
    public int? ProductOfLot(int lot) =>
        lot < lotOf.Length && lotOf[lot] is { Product: not null } record ? record.ProductNumber : null;

    private bool IsVictim(int account)
    {
        ref var role = ref Slot(ref roleOf, account);
        role ??= book.RoleOf(accounts[account]);
        return role == AccountRole.Victim;
    }

    private void RecordLoss(int victimAccount, int recipient, decimal amount)
    {
        var victim = book.HolderOf(accounts[victimAccount]);
        lossOfVictim[victim] = lossOfVictim.GetValueOrDefault(victim) + amount;
        hops[(victim, recipient)] = hops.GetValueOrDefault((victim, recipient)) + amount;
    }

    // Victim accounts keep no pools: what reaches them leaves the trace.
    private void DepositCash(int account, List<Parcel> parcels)
    {
        if (IsVictim(account)) return;
        var pool = CashPool(account);
        foreach (var parcel in parcels) pool.Add(parcel);
    }

    private void DepositCash(int account, Parcel parcel)
    {
        if (!IsVictim(account)) CashPool(account).Add(parcel);
    }

    /// <returns>The parcels taken, in the ledger's list of parcels in flight.</returns>
    private List<Parcel> TakeCash(int account, decimal amount)
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

    private void DepositLot(int account, int lot, List<Parcel> parcels)
    {
        if (IsVictim(account))
        {
            CountVictimLot(account, lot, parcels.Sum(p => p.Amount));
            return;
        }
        var pool = Lot(lot).PoolFor(account, newLotPool);
        foreach (var parcel in parcels) pool.Add(parcel);
    }

    /// <remarks>
    /// A victim is an origin, so all the face value leaving her account is hers, even beyond what her count says
    /// she holds (the count only gives an omitted faceValue its meaning). From a non-victim account, face value
    /// beyond its pool is unattributed.
    /// </remarks>
    /// <returns>The parcels taken, in the ledger's list of parcels in flight.</returns>
    private List<Parcel> TakeLot(int account, int lot, decimal faceValue)
    {
        taken.Clear();
        if (!IsVictim(account))
        {
            Lot(lot).Take(account, faceValue, taken, newLotPool);
            return taken;
        }
        var held = victimLotCounts.GetValueOrDefault((account, lot));
        victimLotCounts[(account, lot)] = Math.Max(0m, held - faceValue);
        taken.Add(new Parcel(VictimMixture(account), faceValue));
        return taken;
    }

    private decimal LotHeld(int account, int lot) =>
        IsVictim(account)
            ? victimLotCounts.GetValueOrDefault((account, lot))
            : lot < lotOf.Length && lotOf[lot]?.PoolOf(account) is { } pool ? pool.Total : 0m;

    private void CountVictimLot(int account, int lot, decimal faceValue) =>
        victimLotCounts[(account, lot)] = victimLotCounts.GetValueOrDefault((account, lot)) + faceValue;

    // One mixture per victim, so that value from the same victim is recognised as such wherever it goes.
    private Mixture VictimMixture(int victimAccount)
    {
        ref var ofAccount = ref Slot(ref victimMixtureOf, victimAccount);
        if (ofAccount is not null) return ofAccount;
        var origin = OriginOf(book.HolderOf(accounts[victimAccount]));
        ref var ofVictim = ref Slot(ref mixtureOfVictim, origin.Victim);
        ofVictim ??= new SingleOrigin(origin);
        return ofAccount = ofVictim;
    }

    private IValuePool CashPool(int account)
    {
        ref var pool = ref Slot(ref cashPoolOf, account);
        if (pool is null)
        {
            pool = newCashPool();
            cashAccounts.Add(account);
        }
        return pool;
    }

    private LotRecord Lot(int lot)
    {
        ref var record = ref Slot(ref lotOf, lot);
        if (record is null)
        {
            record = new LotRecord();
            lotRecords.Add(record);
        }
        return record;
    }

    /// <summary>The entry for a number, the array grown to hold it: names can be numbered after the ledger is made.</summary>
    private static ref T Slot<T>(ref T[] byNumber, int number)
    {
        if (number >= byNumber.Length) Array.Resize(ref byNumber, Math.Max(number + 1, byNumber.Length * 2));
        return ref byNumber[number];
    }

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
