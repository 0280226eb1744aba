using LaunderTrail.Evidence;

namespace LaunderTrail.Tests.Tracing;

/// <summary>Builds a case's facts for a test, in recording order; times are hours on 2019-04-29 at +08:00.</summary>
internal sealed class CaseFacts
{
    public const string CaseId = "T-1";
    private readonly List<CaseEvent> recorded = [];
    private int nextId;

    public IReadOnlyList<CaseEvent> Recorded => recorded;

    public static DateTimeOffset At(double hour) =>
        new DateTimeOffset(2019, 4, 29, 0, 0, 0, TimeSpan.FromHours(8)).AddHours(hour);

    public CaseFacts Victim(string account, string holder) => Identify(account, holder, AccountRole.Victim);

    public CaseFacts Identify(string account, string holder, AccountRole role, double hour = 0) =>
        Record(new AccountIdentified
        {
            Id = NextId("acc"), Case = CaseId, At = At(hour), Account = account, Holder = holder, Role = role,
        });

    public CaseFacts Loan(double hour, string lender, string to, decimal amount) =>
        Record(new LoanDisbursed { Id = NextId("l"), Case = CaseId, At = At(hour), Lender = lender, To = to, Amount = amount });

    public CaseFacts Transfer(double hour, string from, string to, decimal amount, string? id = null) =>
        Record(new FundsTransferred
        {
            Id = id ?? NextId("f"), Case = CaseId, At = At(hour), From = from, To = to, Amount = amount,
        });

    public CaseFacts Purchase(
        double hour, string lot, string buyer, decimal paid, decimal faceValue, string? holder = null,
        string product = "Q coin", string? id = null) =>
        Record(new PrepaidValuePurchased
        {
            Id = id ?? NextId("p"), Case = CaseId, At = At(hour), Lot = lot, Product = product, Buyer = buyer,
            Paid = paid, FaceValue = faceValue, Holder = holder,
        });

    public CaseFacts HandOver(double hour, string lot, string from, string to, decimal? faceValue = null, string? id = null) =>
        Record(new PrepaidValueTransferred
        {
            Id = id ?? NextId("h"), Case = CaseId, At = At(hour), Lot = lot, From = from, To = to, FaceValue = faceValue,
        });

    public CaseFacts Resale(
        double hour, string lot, string seller, string buyer, decimal price, decimal? faceValue = null,
        string? paidTo = null, string? id = null) =>
        Record(new PrepaidValueResold
        {
            Id = id ?? NextId("r"), Case = CaseId, At = At(hour), Lot = lot, Seller = seller, Buyer = buyer,
            Price = price, FaceValue = faceValue, PaidTo = paidTo,
        });

    public CaseFacts Retract(double hour, string retractedId) =>
        Record(new EventRetracted
        {
            Id = NextId("x"), Case = CaseId, At = At(hour), Retracts = retractedId, Reason = "entered in error",
        });

    public CaseFacts Record(CaseEvent fact)
    {
        recorded.Add(fact);
        return this;
    }

    private string NextId(string prefix) => $"{prefix}-{++nextId:D3}";
}
