using LaunderTrail.Evidence;
using LaunderTrail.Tracing;
using Xunit;

namespace LaunderTrail.Tests.Tracing;

/// <summary>
/// Nothing traced appears or vanishes: for every victim, what left her accounts is still held (as cash or face
/// value) or was converted (face value resold: the merchant holds the face value, her proceeds are new cash).
/// </summary>
public sealed class ConservationTests
{
    private const decimal ToTheCent = 0.005m;

    public static TheoryData<TracingRule, int> Scenarios()
    {
        var data = new TheoryData<TracingRule, int>();
        foreach (var rule in Enum.GetValues<TracingRule>())
        foreach (var seed in new[] { 1, 2, 3, 5, 8, 13 })
            data.Add(rule, seed);
        return data;
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void What_left_each_victim_is_held_or_converted(TracingRule rule, int seed)
    {
        // Given a long, tangled case in which purchases pay face value and nothing flows back to a victim
        var facts = TangledCase(seed);

        // When it is traced
        var ledger = FlowTracer.Apply(CaseTimeline.Of(facts.Recorded, null), rule);

        // Then for every victim: loss = cash held + face value held - proceeds of resales of her value
        var attribution = Attribution.Of(ledger);
        var held = HeldByOrigin(attribution);
        Assert.NotEmpty(attribution.Reached);
        foreach (var victim in Victims)
        {
            var loss = ledger.LossOfVictim.GetValueOrDefault(victim);
            var origin = ledger.OriginOf(victim);
            var proceeds = attribution.Reached.Where(r => r.Key.Victim == origin.Victim).Sum(r => r.Value.Cash);
            var stillHeld = held.GetValueOrDefault(origin);
            Assert.True(loss > 0m);
            Assert.InRange(stillHeld - proceeds - loss, -ToTheCent, ToTheCent);
        }
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void What_the_graph_brought_each_account_less_what_it_took_away_is_what_the_account_holds(TracingRule rule, int seed)
    {
        // Given the same long, tangled case
        var facts = TangledCase(seed);

        // When it is traced with its graph
        var trace = FlowTracer.TraceWithGraph(CaseFacts.CaseId, facts.Recorded, rule);

        // Then for every victim and every non-victim account: her part of the edges into it less her part of the edges
        // out of it is what the report says it holds of hers, as cash and face value. A resale's price is new cash (the
        // merchant's own money is not traced): it arrives, but leaves nothing of hers at the merchant.
        var net = new Dictionary<(string Origin, string Node), decimal>();
        foreach (var edge in trace.Graph.Edges)
        foreach (var share in edge.Origins)
        {
            net[(share.Origin, edge.To)] = net.GetValueOrDefault((share.Origin, edge.To)) + share.Amount;
            if (edge.Kind != FlowEdgeKind.ResalePayment)
                net[(share.Origin, edge.From)] = net.GetValueOrDefault((share.Origin, edge.From)) - share.Amount;
        }
        var checkedAccounts = 0;
        foreach (var victim in trace.Report.Victims)
        foreach (var account in Gang.Concat(Merchants))
        {
            var held = victim.Holdings.SingleOrDefault(h => h.Account == account) is { } holding
                ? holding.Cash + holding.FaceValue
                : 0m;
            var brought = net.GetValueOrDefault((victim.Holder, "account:" + account));
            Assert.InRange(brought - held, -ToTheCent * 4, ToTheCent * 4);
            if (held > 0m) checkedAccounts++;
        }
        Assert.True(checkedAccounts > 0);
    }

    private static readonly string[] Victims = ["Victim 1", "Victim 2", "Victim 3"];
    private static readonly string[] Gang = ["G1", "G2", "G3", "MID1", "MID2"];
    private static readonly string[] Merchants = ["CM1", "CM2"];

    private static CaseFacts TangledCase(int seed)
    {
        var random = new Random(seed);
        var facts = new CaseFacts();
        for (var v = 0; v < Victims.Length; v++)
        {
            facts.Victim($"V{v + 1}", Victims[v]);
            facts.Victim($"V{v + 1}-b", Victims[v]);
        }
        foreach (var account in Gang) facts.Identify(account, "Gang", AccountRole.Fraudster);
        foreach (var account in Merchants) facts.Identify(account, "Merchant", AccountRole.CardMerchant);

        decimal Amount(int max) => random.Next(1, max * 100) / 100m;
        string Any(string[] accounts) => accounts[random.Next(accounts.Length)];
        var lots = new List<string>();

        for (var step = 0; step < 300; step++)
        {
            var hour = step / 10.0;
            switch (random.Next(6))
            {
                case 0:
                    facts.Transfer(hour, $"V{random.Next(1, 4)}{(random.Next(2) == 0 ? "" : "-b")}", Any(Gang), Amount(5000));
                    break;
                case 1:
                    facts.Transfer(hour, Any(Gang), Any(Gang), Amount(3000));
                    break;
                case 2:
                    var lot = $"L{lots.Count}";
                    lots.Add(lot);
                    var paid = Amount(2000);
                    if (random.Next(4) == 0)
                        facts.Purchase(hour, lot, $"V{random.Next(1, 4)}", paid, paid, holder: Any(Gang));
                    else
                        facts.Purchase(hour, lot, Any(Gang), paid, paid, holder: Any(Gang));
                    break;
                case 3 when lots.Count > 0:
                    facts.HandOver(hour, lots[random.Next(lots.Count)], Any(Gang), Any(Gang),
                        random.Next(2) == 0 ? null : Amount(500));
                    break;
                case 4 when lots.Count > 0:
                    var faceValue = Amount(800);
                    facts.Resale(hour, lots[random.Next(lots.Count)], Any(Gang), Any(Merchants),
                        price: Math.Round(faceValue * 0.87m, 2), faceValue: random.Next(3) == 0 ? null : faceValue,
                        paidTo: Any(Gang));
                    break;
                default:
                    facts.Loan(hour, "lender", Any(Gang), Amount(1000));
                    break;
            }
        }
        return facts;
    }

    private static Dictionary<Origin, decimal> HeldByOrigin(Attribution attribution) =>
        attribution.Holdings.ToDictionary(
            byOrigin => byOrigin.Key,
            byOrigin => byOrigin.Value.Values.Sum(held => held.Cash + held.FaceValue));
}
