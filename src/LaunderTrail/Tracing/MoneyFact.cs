using LaunderTrail.Evidence;

namespace LaunderTrail.Tracing;

/// <summary>
/// A fact that moves money or prepaid value, as tracing reads it: its accounts and lot by number
/// (<see cref="Numbering"/>), its instant as UTC ticks, and no more of the record than tracing uses. A case of a million
/// facts keeps them in a few large arrays instead of millions of small objects for the garbage collector to move.
/// </summary>
/// <remarks>
/// Value moves <see cref="From"/> → <see cref="To"/>: the lender and the borrower of a loan (the lender's own money is
/// not traced, only named in the flow graph), the payer and the recipient of a transfer, the buyer and the holder of a
/// purchase, the two hands of a handover, the seller and the card merchant of a resale.
/// </remarks>
internal readonly struct MoneyFact
{
    public const int NoAccount = -1;

    public MoneyMove Move { get; init; }

    /// <summary>When it happened, as <see cref="DateTimeOffset.UtcTicks"/>.</summary>
    public long At { get; init; }

    public ReadOnlyMemory<char> Id { get; init; }
    public int From { get; init; }
    public int To { get; init; }

    /// <summary>The account that receives a resale's price.</summary>
    public int CashTo { get; init; }

    public int Lot { get; init; }

    /// <summary>A purchase's product, by number.</summary>
    public int Product { get; init; }

    /// <summary>A loan's or a transfer's amount, a purchase's price paid, a resale's price.</summary>
    public decimal Amount { get; init; }

    /// <summary>The face value moved; for a handover or a resale, null when the fact leaves it out (all that is held).</summary>
    public decimal? FaceValue { get; init; }

    /// <returns>The fact as tracing reads it, or null for a fact that moves nothing.</returns>
    public static MoneyFact? Of(CaseEvent fact, ReadOnlyMemory<char> id, Numbering numbering)
    {
        var accounts = numbering.Accounts;
        var lots = numbering.Lots;
        return fact switch
        {
            LoanDisbursed loan => new MoneyFact
            {
                Move = MoneyMove.Loan, At = loan.At.UtcTicks, Id = id, From = accounts.NumberOf(loan.Lender),
                To = accounts.NumberOf(loan.To),
                Amount = loan.Amount,
            },
            FundsTransferred transfer => new MoneyFact
            {
                Move = MoneyMove.Transfer, At = transfer.At.UtcTicks, Id = id, From = accounts.NumberOf(transfer.From),
                To = accounts.NumberOf(transfer.To), Amount = transfer.Amount,
            },
            PrepaidValuePurchased purchase => new MoneyFact
            {
                Move = MoneyMove.Purchase, At = purchase.At.UtcTicks, Id = id, From = accounts.NumberOf(purchase.Buyer),
                To = accounts.NumberOf(purchase.ReceivingAccount), Lot = lots.NumberOf(purchase.Lot),
                Product = numbering.Products.NumberOf(purchase.Product), Amount = purchase.Paid, FaceValue = purchase.FaceValue,
            },
            PrepaidValueTransferred handover => new MoneyFact
            {
                Move = MoneyMove.Handover, At = handover.At.UtcTicks, Id = id, From = accounts.NumberOf(handover.From),
                To = accounts.NumberOf(handover.To), Lot = lots.NumberOf(handover.Lot), FaceValue = handover.FaceValue,
            },
            PrepaidValueResold resale => new MoneyFact
            {
                Move = MoneyMove.Resale, At = resale.At.UtcTicks, Id = id, From = accounts.NumberOf(resale.Seller),
                To = accounts.NumberOf(resale.Buyer), CashTo = accounts.NumberOf(resale.ReceivingAccount),
                Lot = lots.NumberOf(resale.Lot), Amount = resale.Price, FaceValue = resale.FaceValue,
            },
            _ => null,
        };
    }
}
