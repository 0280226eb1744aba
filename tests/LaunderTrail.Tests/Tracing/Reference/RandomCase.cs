using System.Text;
using System.Text.Json;
using CsCheck;
using LaunderTrail.Evidence;

namespace LaunderTrail.Tests.Tracing.Reference;

/// <summary>
/// Small random cases within the interchange format's rules: three victims (one with two accounts), gang accounts, a
/// middleman, card merchants, a lender and an account never identified; loans, transfers, prepaid purchases (some held
/// by another account, some bought twice), hand-overs of all or part of a lot, resales at a discount (some paid to
/// another account), recorded out of time order and at varying offsets, traced as of the end or of a moment.
/// </summary>
internal static class RandomCase
{
    public const string CaseId = "R-1";

    /// <summary>One fact to come, as small numbers CsCheck can shrink; <see cref="Case.Facts"/> turns it into evidence.</summary>
    public sealed record Step(int Kind, int From, int To, int Lot, int Amount, int Other, bool OmitFaceValue, int Offset);

    /// <param name="Shuffle">0 records the facts in time order; otherwise the seed of the recording order.</param>
    /// <param name="AsOfStep">0 traces every fact; otherwise the trace is as of the moment of that step.</param>
    public sealed record Case(Step[] Steps, int Shuffle, int AsOfStep)
    {
        public DateTimeOffset? AsOf => AsOfStep == 0 ? null : At(Math.Min(AsOfStep, Steps.Length), 0);

        public IReadOnlyList<CaseEvent> Facts()
        {
            var facts = new List<CaseEvent>(Identifications);
            var bought = new List<string>();
            for (var i = 0; i < Steps.Length; i++)
                if (Fact(Steps[i], i + 1, bought) is { } fact) facts.Add(fact);
            if (Shuffle == 0) return facts;
            var random = new Random(Shuffle);
            return facts.OrderBy(_ => random.Next()).ToList();
        }

        public string JsonLines()
        {
            var text = new StringBuilder();
            foreach (var fact in Facts())
                text.AppendLine(JsonSerializer.Serialize(fact, fact.GetType(), EvidenceJson.Options));
            return text.AppendLine($"(as of: {AsOf?.ToString("O") ?? "none"})").ToString();
        }
    }

    private static readonly string[] Victims = ["a-1", "a-2", "b-1", "c-1"];
    private static readonly string[] Gang = ["g-1", "g-2", "h-1"];
    private static readonly string[] Merchants = ["m-1", "m-2"];
    private static readonly string[] Senders = [.. Victims, .. Gang, "u-1"];

    // Gang accounts twice as often as victims, so that money meets, mixes and moves on before it is resold.
    private static readonly string[] Holders = [.. Gang, .. Gang, "a-1", "b-1"];
    private static readonly string[] Products = ["Q coin", "Suning card"];
    private static readonly TimeSpan[] Offsets = [TimeSpan.FromHours(8), TimeSpan.Zero, TimeSpan.FromHours(-5)];

    private static readonly CaseEvent[] Identifications =
    [
        Identify("i-1", "a-1", "Ann", AccountRole.Victim, 0),
        Identify("i-2", "a-2", "Ann", AccountRole.Victim, 0),
        Identify("i-3", "b-1", "Bo", AccountRole.Victim, 0),
        Identify("i-4", "c-1", "Cy", AccountRole.Victim, 0),
        Identify("i-5", "g-1", "Gang", AccountRole.Fraudster, 0),
        Identify("i-6", "g-2", "Unknown", AccountRole.Other, 0),
        // Identified late and twice: an identification describes the account, the later one wins.
        Identify("i-7", "g-2", "Gang", AccountRole.Fraudster, 40),
        Identify("i-8", "h-1", "Middleman", AccountRole.Middleman, 40),
        Identify("i-9", "m-1", "Q buyer", AccountRole.CardMerchant, 0),
        Identify("i-10", "m-2", "Card buyer", AccountRole.CardMerchant, 0),
        Identify("i-11", "lend-1", "Loan app", AccountRole.Lender, 0),
    ];

    private static readonly Gen<Step> AStep =
        Gen.Select(Gen.Int[0, 11], Gen.Int[0, 7], Gen.Int[0, 7], Gen.Int[0, 2], Gen.Int[1, 100_000], Gen.Int[0, 100_000],
            Gen.Bool, Gen.Int[0, 2],
            (kind, from, to, lot, amount, other, omit, offset) => new Step(kind, from, to, lot, amount, other, omit, offset));

    public static readonly Gen<Case> ACase =
        Gen.Select(AStep.Array[1, 24], Gen.Int[0, 1_000], Gen.Int[0, 30],
            (steps, shuffle, asOf) => new Case(steps, shuffle, asOf));

    private static DateTimeOffset At(int hour, int offset) =>
        new DateTimeOffset(2019, 5, 2, 0, 0, 0, TimeSpan.Zero).AddHours(hour).ToOffset(Offsets[offset]);

    private static decimal Money(int cents) => cents / 100m;

    private static string Pick(string[] accounts, int index) => accounts[index % accounts.Length];

    private static string Other(string[] accounts, int index, string not)
    {
        var account = Pick(accounts, index);
        return account == not ? Pick(accounts, index + 1) : account;
    }

    /// <summary>
    /// The step's fact. Hand-overs and resales name a lot already bought (a lot never bought has no product to
    /// report), so a step that would do otherwise before any purchase becomes a transfer.
    /// </summary>
    private static CaseEvent? Fact(Step step, int hour, List<string> bought)
    {
        var id = $"s-{hour:D2}";
        var at = At(hour, step.Offset);
        var kind = step.Kind >= 7 && bought.Count == 0 ? 1 : step.Kind;
        var lot = bought.Count == 0 ? "" : bought[step.Lot % bought.Count];
        switch (kind)
        {
            case 0:
                return new LoanDisbursed
                {
                    Id = id, Case = CaseId, At = at, Lender = "lend-1", To = Pick(["g-1", "g-2", "h-1", "a-1"], step.To),
                    Amount = Money(step.Amount),
                };
            case <= 4:
            {
                var from = Pick(Senders, step.From);
                return new FundsTransferred
                {
                    Id = id, Case = CaseId, At = at, From = from, To = Other(Holders, step.To, from), Amount = Money(step.Amount),
                };
            }
            case <= 6:
            {
                var newLot = $"L{step.Lot + 1}";
                if (!bought.Contains(newLot)) bought.Add(newLot);
                var paid = Money(step.Amount);
                return new PrepaidValuePurchased
                {
                    Id = id, Case = CaseId, At = at, Lot = newLot, Product = Products[step.Lot % 2],
                    Buyer = Pick(Holders, step.From), Paid = paid,
                    // Face value at par or above what was paid; the holder is the buyer or another account.
                    FaceValue = paid + Money(step.Other % 500),
                    Holder = step.To % 2 == 0 ? null : Pick(Holders, step.To / 2),
                };
            }
            case <= 8:
            {
                var from = Pick(Holders, step.From);
                return new PrepaidValueTransferred
                {
                    Id = id, Case = CaseId, At = at, Lot = lot, From = from, To = Other(Holders, step.To, from),
                    FaceValue = step.OmitFaceValue ? null : Money(step.Amount),
                };
            }
            default:
            {
                // Mostly gang accounts sell; now and then a victim account, which the report lists as a problem.
                var seller = step.From == 7 ? "a-1" : Pick(Gang, step.From);
                decimal? faceValue = step.OmitFaceValue ? null : Money(step.Amount);
                return new PrepaidValueResold
                {
                    Id = id, Case = CaseId, At = at, Lot = lot, Seller = seller, Buyer = Pick(Merchants, step.To),
                    FaceValue = faceValue,
                    // Resold at 80% to 99.99% of the face value sold (or of a stated amount when it is omitted).
                    Price = Math.Max(0.01m, Math.Round(Money(step.Amount) * (0.8m + step.Other % 2_000 / 10_000m), 2)),
                    PaidTo = step.To % 3 == 2 ? Pick(Gang, step.To / 3) : null,
                };
            }
        }
    }

    private static AccountIdentified Identify(string id, string account, string holder, AccountRole role, int hour) =>
        new() { Id = id, Case = CaseId, At = At(hour, 0), Account = account, Holder = holder, Role = role };
}
