using LaunderTrail.Evidence;
using LaunderTrail.Tracing;

namespace LaunderTrail.Court;

/// <summary>Says what a fact means in one sentence, naming accounts by their holders where the case identifies them.</summary>
internal sealed class PlainLanguage(AccountBook accounts, IReadOnlyDictionary<string, string> productOfLot)
{
    public string Describe(CaseEvent fact, decimal? resoldFaceValue) => fact switch
    {
        AccountIdentified a =>
            $"Account {a.Account}{(a.Institution is null ? "" : $" at {a.Institution}")} is identified as {a.Holder}'s ({RoleNames.Of(a.Role)}).",
        LoanDisbursed l =>
            $"A loan of {Money(l.Amount, l.Currency)} was paid from {Account(l.Lender)} into {Account(l.To)}.",
        FundsTransferred t =>
            $"{Money(t.Amount, t.Currency)} left {Account(t.From)} for {Account(t.To)}{(t.Channel is null ? "" : $" by {t.Channel}")}.",
        PrepaidValuePurchased p =>
            $"{Capitalised(Account(p.Buyer))} paid {Money(p.Paid, p.Currency)} for {p.Product} lot {p.Lot} of face value " +
            $"{Money(p.FaceValue, p.Currency)}{(p.Holder is null ? "" : $", delivered to {Account(p.Holder)}")}.",
        PrepaidValueTransferred h =>
            $"{Capitalised(Account(h.From))} handed {FaceValue(h.FaceValue, h.Currency)} of {Lot(h.Lot)} to {Account(h.To)}.",
        PrepaidValueResold r =>
            $"{Capitalised(Account(r.Seller))} sold {FaceValue(r.FaceValue ?? resoldFaceValue, r.Currency)} of {Lot(r.Lot)} to " +
            $"{Account(r.Buyer)} for {Money(r.Price, r.Currency)}{(r.PaidTo is null ? "" : $", paid into {Account(r.PaidTo)}")}.",
        OrderDataSold o =>
            $"{Capitalised(Account(o.Seller))} sold {Display.Count(o.Records)} order records at {Money(o.PricePerRecord, o.Currency)} each " +
            $"to {Account(o.Buyer)}{(o.Victims is { Count: > 0 } v ? $"; the batch held orders of {string.Join(", ", v.Select(Account))}" : "")}.",
        AccountsSold s =>
            $"{Capitalised(Account(s.Seller))} sold {Display.Count(s.Count)} {s.Platform} accounts at {Money(s.UnitPrice, s.Currency)} each to {Account(s.Buyer)}.",
        VictimContacted c =>
            $"{Capitalised(Account(c.Victim))} was contacted by {Account(c.By)} by {c.Channel}{(c.Pretext is null ? "" : $", pretext: \"{c.Pretext}\"")}.",
        EventRetracted x => $"Correction: event {x.Retracts} is withdrawn. Reason: {x.Reason}",
        StatementImported s =>
            $"The {s.Profile} statement {s.File} (SHA-256 {s.Sha256}) of {string.Join(", ", s.Accounts.Select(Account))} was imported: " +
            $"{Display.Count(s.RowsUsed)} rows used, {Display.Count(s.RowsSkipped)} skipped, {Display.Count(s.RowsMatched)} matched to recorded transfers, " +
            $"{Display.Count(s.RowsForReview)} left for review; " +
            (s.Reconciles switch
            {
                null => "it shows no balance.",
                true => "its balances reconcile.",
                false => $"its balances do not reconcile: {string.Join("; ", s.Breaks ?? [])}.",
            }),
        StatementRowMatched m => $"Statement row {m.Source} shows the transfer {m.Fact} again; it is not counted twice.",
        StatementRowUndecided u =>
            $"Statement row {u.Source} ({Display.Amount(u.Amount)} from {Account(u.From)} to {Account(u.To)}) may be the transfer {string.Join(" or ", u.Candidates)}; left for review.",
        _ => throw new ArgumentOutOfRangeException(nameof(fact), fact.GetType().Name, "no plain-language form"),
    };

    private string Account(string account)
    {
        var holder = accounts.HolderOf(account);
        return holder.Length == 0 ? $"account {account}" : $"{holder}'s account {account}";
    }

    private string Lot(string lot) =>
        productOfLot.TryGetValue(lot, out var product) ? $"{product} lot {lot}" : $"lot {lot}";

    private static string Money(decimal amount, string currency) => $"{Display.Amount(amount)} {currency}";

    private static string FaceValue(decimal? faceValue, string currency) =>
        faceValue is { } value and > 0m ? $"{Money(value, currency)} of face value" : "all it held";

    private static string Capitalised(string text) => char.ToUpperInvariant(text[0]) + text[1..];
}
