using LaunderTrail.Evidence;
using static System.FormattableString;

namespace LaunderTrail.Generation;

/// <summary>
/// How the Zheng gang turned victims' money into cash: as money arrives it buys Suning cards and Q coins,
/// hands the lots to the middleman, who resells them to the card merchants (Suning cards at 97% of face
/// value, Q coins at 86%) and settles the proceeds with the gang less his commission.
/// </summary>
internal sealed class LaunderingRing(Story story)
{
    private const int SuningShareMinPercent = 54;
    private const int SuningShareMaxPercent = 64;

    /// <summary>Spends the whole hundreds that arrived in <paramref name="gangAccount"/>, then cashes the lots out.</summary>
    public IEnumerable<CaseEvent> BuyAndCashOut(string gangAccount, long arrivedYuan, DateTimeOffset arrivedAt, string file)
    {
        var spendable = arrivedYuan / 100 * 100;
        var suning = spendable * story.Random.Between(SuningShareMinPercent, SuningShareMaxPercent) / 100 / 100 * 100;
        var lots = new List<HeldLot>();
        var clock = arrivedAt;
        foreach (var (product, total) in new[] { (PrepaidProduct.SuningCard, suning), (PrepaidProduct.QCoin, spendable - suning) })
        {
            foreach (var faceValue in LotSizes(total))
            {
                clock = story.Later(clock, 2, 9);
                var lot = new HeldLot(story.Ids.Lot(product), product, faceValue);
                lots.Add(lot);
                yield return Purchase(gangAccount, gangAccount, lot, clock, file, note: null);
            }
        }
        foreach (var cashedOut in CashOut(gangAccount, lots, clock, file))
            yield return cashedOut;
    }

    /// <summary>Face values of the lots that make up <paramref name="total"/> (whole hundreds), 1,000 to 5,999 each.</summary>
    public IReadOnlyList<long> LotSizes(long total)
    {
        var sizes = new List<long>();
        while (total > 0)
        {
            var faceValue = story.Random.Between(10, 50) * 100;
            if (total - faceValue < 1000) faceValue = total;
            sizes.Add(faceValue);
            total -= faceValue;
        }
        return sizes;
    }

    public PrepaidValuePurchased Purchase(string buyer, string holder, HeldLot lot, DateTimeOffset at, string file, string? note) => new()
    {
        Id = EventIds.Purchase(lot.Lot), Case = story.Case, At = at, Lot = lot.Lot, Product = lot.Product.Name,
        Buyer = buyer, Paid = Yuan.Of(lot.FaceValue), FaceValue = Yuan.Of(lot.FaceValue),
        Holder = holder == buyer ? null : holder,
        Source = Exhibits.PrepaidSales(lot.Product, file, story.Random.Between(1, 40)), Note = note,
    };

    /// <summary>
    /// Hands every lot to the middleman, who resells it and pays the gang's cash-out account what the merchants paid,
    /// less his cut. The proceeds are the gang's takings, not money to launder again.
    /// </summary>
    public IEnumerable<CaseEvent> CashOut(string gangAccount, IReadOnlyList<HeldLot> lots, DateTimeOffset from, string file)
    {
        var clock = from;
        long proceeds = 0;
        foreach (var lot in lots)
        {
            clock = story.Later(clock, 5, 40);
            yield return new PrepaidValueTransferred
            {
                Id = EventIds.Handover(lot.Lot), Case = story.Case, At = clock, Lot = lot.Lot,
                From = gangAccount, To = Cast.Middleman, FaceValue = Yuan.Of(lot.FaceValue),
                Source = Exhibits.MiddlemanChat(file, story.Random.Between(1, 60)),
            };
            var part = 0;
            foreach (var (merchant, faceValue) in Resales(lot))
            {
                clock = story.Later(clock, 10, 90);
                var price = lot.Product.MerchantPrice(faceValue);
                proceeds += price;
                yield return new PrepaidValueResold
                {
                    Id = EventIds.Resale(lot.Lot, ++part), Case = story.Case, At = clock, Lot = lot.Lot,
                    Seller = Cast.Middleman, Buyer = merchant, FaceValue = Yuan.Of(faceValue), Price = Yuan.Of(price),
                    Source = Exhibits.MerchantLedger(file, story.Random.Between(1, 80)),
                };
            }
        }
        if (proceeds == 0) yield break;
        var commissionPercent = story.Random.Between(1, 3);
        yield return new FundsTransferred
        {
            Id = story.Ids.Transfer(), Case = story.Case, At = story.Later(clock, 30, 120),
            From = Cast.Middleman, To = Cast.GangCashOut, Amount = Yuan.FromCents(proceeds * (100 - commissionPercent)),
            Channel = "bank", Source = Exhibits.BankStatement(file, story.Random.Between(1, 20)),
            Note = Invariant($"middleman settles the card merchants' payments less his {commissionPercent}% commission"),
        };
    }

    /// <summary>A lot goes whole to one merchant, or now and then is split between the product's two merchants.</summary>
    private IEnumerable<(string Merchant, long FaceValue)> Resales(HeldLot lot)
    {
        var merchants = lot.Product.Merchants;
        var first = (int)story.Random.Between(0, merchants.Count - 1);
        if (lot.FaceValue < 1000 || !story.Random.Chance(25))
        {
            yield return (merchants[first], lot.FaceValue);
            yield break;
        }
        var firstPart = story.Random.Between(1, lot.FaceValue / 100 - 1) * 100;
        yield return (merchants[first], firstPart);
        yield return (merchants[1 - first], lot.FaceValue - firstPart);
    }
}
