using LaunderTrail.Evidence;
using LaunderTrail.Tracing;

namespace LaunderTrail.Tests.Tracing.Reference;

/// <summary>
/// A second, independent tracer written from TRACING.md and INTERCHANGE.md alone, as plainly as the text reads:
/// every pool a list of parcels, every take a walk over the list, nothing cached, nothing shared with the engine.
/// It is slow on purpose; it exists so the engine's figures can be checked against an obviously-correct reading.
/// </summary>
internal sealed class ReferenceTracer
{
    /// <summary>A parcel: an amount whose origin is a victim holder, or <see langword="null"/> for unattributed.</summary>
    private sealed record Parcel(string? Origin, decimal Amount);

    private readonly TracingRule rule;
    private readonly Dictionary<string, AccountIdentified> identified = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Parcel>> cash = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Account, string Lot), List<Parcel>> lots = [];
    private readonly Dictionary<(string Account, string Lot), decimal> victimLots = [];
    private readonly Dictionary<string, string> productOfLot = new(StringComparer.Ordinal);
    private readonly Dictionary<string, decimal> loss = new(StringComparer.Ordinal);
    private readonly ReportFigures figures = new();

    private ReferenceTracer(TracingRule rule) => this.rule = rule;

    public static ReportFigures Trace(IReadOnlyList<CaseEvent> recorded, TracingRule rule, DateTimeOffset? asOf = null)
    {
        if (recorded.OfType<EventRetracted>().Any())
            throw new NotSupportedException("the reference tracer does not follow retractions");
        var tracer = new ReferenceTracer(rule);
        tracer.Identify(recorded.OfType<AccountIdentified>());
        // OrderBy is a stable sort: facts at the same instant keep the order they were recorded in.
        foreach (var fact in recorded.Where(f => asOf is null || f.At <= asOf.Value).OrderBy(f => f.At.UtcDateTime))
            tracer.Apply(fact);
        return tracer.Figures();
    }

    /// <summary>An identification describes the account whatever its moment; the later one wins.</summary>
    private void Identify(IEnumerable<AccountIdentified> identifications)
    {
        foreach (var identification in identifications.OrderBy(i => i.At.UtcDateTime))
            identified[identification.Account] = identification;
        foreach (var victim in identified.Values.Where(i => i.Role == AccountRole.Victim))
            loss.TryAdd(victim.Holder, 0m);
    }

    private bool IsVictim(string account) => identified.TryGetValue(account, out var i) && i.Role == AccountRole.Victim;

    private string HolderOf(string account) => identified[account].Holder;

    private void Apply(CaseEvent fact)
    {
        switch (fact)
        {
            case LoanDisbursed loan:
                if (!IsVictim(loan.To)) Receive(loan.To, [new Parcel(null, loan.Amount)]);
                break;
            case FundsTransferred transfer:
                Transfer(transfer);
                break;
            case PrepaidValuePurchased purchase:
                Purchase(purchase);
                break;
            case PrepaidValueTransferred handOver:
                HandOver(handOver);
                break;
            case PrepaidValueResold resale:
                Resale(resale);
                break;
        }
    }

    private void Transfer(FundsTransferred transfer)
    {
        if (IsVictim(transfer.From))
        {
            if (IsVictim(transfer.To)) return;
            var victim = HolderOf(transfer.From);
            loss[victim] += transfer.Amount;
            Receive(transfer.To, [new Parcel(victim, transfer.Amount)]);
            return;
        }
        var taken = TakeCash(transfer.From, transfer.Amount);
        if (!IsVictim(transfer.To)) Receive(transfer.To, taken);
    }

    private void Purchase(PrepaidValuePurchased purchase)
    {
        if (productOfLot.ContainsKey(purchase.Lot))
        {
            figures.Add($"problem[{purchase.Id}]", 1);
            return;
        }
        productOfLot[purchase.Lot] = purchase.Product;
        figures.Add("totals.prepaidFaceValue", purchase.FaceValue);
        figures.Add("totals.prepaidPaid", purchase.Paid);
        var holder = purchase.Holder ?? purchase.Buyer;

        List<Parcel> paid;
        if (IsVictim(purchase.Buyer))
        {
            var victim = HolderOf(purchase.Buyer);
            paid = [new Parcel(victim, purchase.Paid)];
            if (!IsVictim(holder)) loss[victim] += purchase.Paid;
        }
        else
        {
            paid = TakeCash(purchase.Buyer, purchase.Paid);
        }

        if (IsVictim(holder))
        {
            victimLots[(holder, purchase.Lot)] = victimLots.GetValueOrDefault((holder, purchase.Lot)) + purchase.FaceValue;
            return;
        }
        // "The lot's faceValue at holder is split among origins in the proportions of what was paid."
        LotPool(holder, purchase.Lot).AddRange(
            PerOrigin(paid).Select(p => new Parcel(p.Origin, purchase.FaceValue * p.Amount / purchase.Paid)));
    }

    private void HandOver(PrepaidValueTransferred handOver)
    {
        var moved = TakeFaceValue(handOver.From, handOver.Lot, handOver.FaceValue);
        if (moved is null)
        {
            figures.Add($"problem[{handOver.Id}]", 1);
            return;
        }
        var faceValue = moved.Sum(p => p.Amount);
        if (IsVictim(handOver.From) && !IsVictim(handOver.To)) loss[HolderOf(handOver.From)] += faceValue;
        if (IsVictim(handOver.To))
            victimLots[(handOver.To, handOver.Lot)] = victimLots.GetValueOrDefault((handOver.To, handOver.Lot)) + faceValue;
        else
            LotPool(handOver.To, handOver.Lot).AddRange(moved);
    }

    private void Resale(PrepaidValueResold resale)
    {
        if (IsVictim(resale.Seller) || IsVictim(resale.Buyer))
        {
            figures.Add($"problem[{resale.Id}]", 1);
            return;
        }
        var sold = TakeFaceValue(resale.Seller, resale.Lot, resale.FaceValue);
        if (sold is null)
        {
            figures.Add($"problem[{resale.Id}]", 1);
            return;
        }
        var faceValue = sold.Sum(p => p.Amount);
        var merchant = $"merchant[{resale.Buyer}|{productOfLot.GetValueOrDefault(resale.Lot, "")}]";
        figures.Add($"{merchant}.faceValue", faceValue);
        figures.Add($"{merchant}.price", resale.Price);
        figures.Add($"{merchant}.resales", 1);
        figures.Add("totals.resoldFaceValue", faceValue);
        figures.Add("totals.resaleCash", resale.Price);

        LotPool(resale.Buyer, resale.Lot).AddRange(sold);
        // "The price is split among origins in the same proportions"; it is not taken from the buyer.
        var price = sold.Select(p => new Parcel(p.Origin, resale.Price * p.Amount / faceValue)).ToList();
        foreach (var (face, paid) in sold.Zip(price))
        {
            if (face.Origin is null) continue;
            figures.Add($"victim[{face.Origin}].reached[{resale.Buyer}].faceValue", face.Amount);
            figures.Add($"victim[{face.Origin}].reached[{resale.Buyer}].cash", paid.Amount);
        }
        var paidTo = resale.PaidTo ?? resale.Seller;
        if (!IsVictim(paidTo)) Receive(paidTo, price);
    }

    private void Receive(string account, IEnumerable<Parcel> parcels) =>
        CashPool(account).AddRange(parcels.Where(p => p.Amount != 0m));

    /// <summary>Takes cash out of a non-victim account's pool under the rule; beyond its balance is unattributed.</summary>
    private List<Parcel> TakeCash(string account, decimal amount)
    {
        var pool = CashPool(account);
        var taken = rule switch
        {
            TracingRule.Fifo => TakeOldestFirst(pool, amount),
            TracingRule.ProRata => TakeInProportion(pool, amount),
            TracingRule.Libr => TakeUnattributedFirst(pool, amount),
            _ => throw new ArgumentOutOfRangeException(nameof(rule)),
        };
        var beyond = amount - taken.Sum(p => p.Amount);
        if (beyond > 0m) taken.Add(new Parcel(null, beyond));
        return taken;
    }

    private static List<Parcel> TakeOldestFirst(List<Parcel> pool, decimal amount)
    {
        var taken = new List<Parcel>();
        while (amount > 0m && pool.Count > 0)
        {
            var oldest = pool[0];
            var part = Math.Min(oldest.Amount, amount);
            taken.Add(oldest with { Amount = part });
            amount -= part;
            if (part == oldest.Amount) pool.RemoveAt(0);
            else pool[0] = oldest with { Amount = oldest.Amount - part };
        }
        return taken;
    }

    /// <summary>Takes from every parcel in proportion to its share of the pool (all of it, if not enough).</summary>
    private static List<Parcel> TakeInProportion(List<Parcel> pool, decimal amount)
    {
        var balance = pool.Sum(p => p.Amount);
        if (amount >= balance)
        {
            var all = pool.ToList();
            pool.Clear();
            return all;
        }
        var taken = pool.Select(p => p with { Amount = p.Amount * amount / balance }).ToList();
        for (var i = 0; i < pool.Count; i++) pool[i] = pool[i] with { Amount = pool[i].Amount - taken[i].Amount };
        pool.RemoveAll(p => p.Amount == 0m);
        return taken;
    }

    /// <summary>The wrongdoer's own (unattributed) money leaves first, then the victims' pari passu.</summary>
    private static List<Parcel> TakeUnattributedFirst(List<Parcel> pool, decimal amount)
    {
        var own = pool.Where(p => p.Origin is null).ToList();
        var victims = pool.Where(p => p.Origin is not null).ToList();
        var taken = TakeOldestFirst(own, amount);
        taken.AddRange(TakeInProportion(victims, amount - taken.Sum(p => p.Amount)));
        pool.Clear();
        pool.AddRange(own);
        pool.AddRange(victims);
        return taken;
    }

    /// <summary>
    /// Takes face value of a lot from its holder, each origin's share in proportion (lots are fungible inside);
    /// beyond what is held is unattributed. <see langword="null"/> when the fact moves no face value.
    /// A victim account's lot has no origins: what leaves it is hers.
    /// </summary>
    private List<Parcel>? TakeFaceValue(string account, string lot, decimal? faceValue)
    {
        if (IsVictim(account))
        {
            var held = victimLots.GetValueOrDefault((account, lot));
            var moved = faceValue ?? held;
            if (moved == 0m) return null;
            victimLots[(account, lot)] = Math.Max(0m, held - moved);
            return [new Parcel(HolderOf(account), moved)];
        }
        var pool = LotPool(account, lot);
        var balance = pool.Sum(p => p.Amount);
        var amount = faceValue ?? balance;
        if (amount == 0m) return null;
        // Each origin's share of what is held, then what is moved beyond it, taken last.
        var taken = PerOrigin(TakeInProportion(pool, amount));
        var beyond = amount - taken.Sum(p => p.Amount);
        if (beyond > 0m) taken.Add(new Parcel(null, beyond));
        return taken;
    }

    /// <summary>
    /// One parcel per origin, in the order the origins were first taken: value is split "among origins", so what a
    /// purchase or a resale splits is each origin's share, not each parcel's.
    /// </summary>
    private static List<Parcel> PerOrigin(IEnumerable<Parcel> parcels) =>
        parcels.GroupBy(p => p.Origin).Select(o => new Parcel(o.Key, o.Sum(p => p.Amount))).ToList();

    private List<Parcel> CashPool(string account) =>
        cash.TryGetValue(account, out var pool) ? pool : cash[account] = [];

    private List<Parcel> LotPool(string account, string lot) =>
        lots.TryGetValue((account, lot), out var pool) ? pool : lots[(account, lot)] = [];

    private ReportFigures Figures()
    {
        foreach (var (victim, amount) in loss)
        {
            figures.Add($"victim[{victim}].loss", amount);
            figures.Add("totals.victimLoss", amount);
        }
        var held = new Dictionary<(string? Origin, string Account), (decimal Cash, decimal FaceValue)>();
        foreach (var (account, pool) in cash)
        foreach (var parcel in pool)
        {
            var sum = held.GetValueOrDefault((parcel.Origin, account));
            held[(parcel.Origin, account)] = (sum.Cash + parcel.Amount, sum.FaceValue);
        }
        foreach (var ((account, _), pool) in lots)
        foreach (var parcel in pool)
        {
            var sum = held.GetValueOrDefault((parcel.Origin, account));
            held[(parcel.Origin, account)] = (sum.Cash, sum.FaceValue + parcel.Amount);
        }
        foreach (var ((origin, account), (cashHeld, faceHeld)) in held)
        {
            if (RoundsToZero(cashHeld) && RoundsToZero(faceHeld)) continue;
            var row = origin is null ? $"unattributed[{account}]" : $"victim[{origin}].holdings[{account}]";
            figures.Add($"{row}.cash", cashHeld);
            figures.Add($"{row}.faceValue", faceHeld);
        }
        return DropReachedRowsRoundingToZero(figures);
    }

    private static ReportFigures DropReachedRowsRoundingToZero(ReportFigures all)
    {
        var kept = new ReportFigures();
        foreach (var (path, value) in all.Figures)
        {
            if (path.Contains("].reached[", StringComparison.Ordinal))
            {
                var row = path[..(path.LastIndexOf('.'))];
                if (RoundsToZero(all.Figures[$"{row}.faceValue"]) && RoundsToZero(all.Figures[$"{row}.cash"])) continue;
            }
            kept.Add(path, value);
        }
        return kept;
    }

    private static bool RoundsToZero(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero) == 0m;
}
