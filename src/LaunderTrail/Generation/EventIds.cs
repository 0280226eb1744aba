using static System.FormattableString;

namespace LaunderTrail.Generation;

/// <summary>Hands out the case's event and lot references, one running number per kind, so ids read like the
/// evidence they stand for (tx-000123, lot SN-000045) and never repeat within the case.</summary>
internal sealed class EventIds
{
    private long _transfers, _loans, _contacts, _orderData, _accountSales, _suningLots, _qCoinLots;

    public string Transfer() => Invariant($"tx-{++_transfers:D6}");

    public string Loan() => Invariant($"loan-{++_loans:D4}");

    public string Contact() => Invariant($"call-{++_contacts:D5}");

    public string OrderData() => Invariant($"data-{++_orderData:D4}");

    public string AccountSale() => Invariant($"accts-{++_accountSales:D4}");

    public string Lot(PrepaidProduct product) => product == PrepaidProduct.SuningCard
        ? Invariant($"SN-{++_suningLots:D6}")
        : Invariant($"QB-{++_qCoinLots:D6}");

    public static string Identification(string account) => "ident-" + account;

    public static string Purchase(string lot) => "buy-" + lot;

    public static string Handover(string lot) => "hand-" + lot;

    public static string Resale(string lot, int part) => part == 1 ? "sale-" + lot : Invariant($"sale-{lot}-{part}");
}
