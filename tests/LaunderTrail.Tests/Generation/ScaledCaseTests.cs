using LaunderTrail.Evidence;
using LaunderTrail.Generation;
using Xunit;

namespace LaunderTrail.Tests.Generation;

public sealed class ScaledCaseTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(1_234)]
    [InlineData(GeneratedCase.ScaledSize)]
    public void Asking_for_N_events_gives_exactly_N(int events)
    {
        Assert.Equal(events, ReferenceCaseGenerator.Generate(new GenerationOptions(Events: events)).Count());
    }

    [Fact]
    public void A_scaled_case_has_more_victims_and_callers_than_the_reference()
    {
        int Count(IReadOnlyList<CaseEvent> events, AccountRole role) =>
            events.OfType<AccountIdentified>().Count(a => a.Role == role);

        Assert.True(Count(GeneratedCase.Scaled, AccountRole.Victim) > 2 * Count(GeneratedCase.Reference, AccountRole.Victim));
        Assert.True(Count(GeneratedCase.Scaled, AccountRole.Fraudster) > Count(GeneratedCase.Reference, AccountRole.Fraudster));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(GeneratedCase.ScaledSize)]
    public void Nobody_hands_over_or_resells_prepaid_value_they_do_not_hold(int events)
    {
        var held = new Dictionary<(string Account, string Lot), decimal>();
        foreach (var e in InTimeOrder(GeneratedCase.OfSize(events)))
        {
            switch (e)
            {
                case PrepaidValuePurchased p:
                    Assert.DoesNotContain(held.Keys, k => k.Lot == p.Lot);
                    held[(p.ReceivingAccount, p.Lot)] = p.FaceValue;
                    break;
                case PrepaidValueTransferred t:
                    Move(held, t.Id, t.Lot, t.From, t.To, t.FaceValue);
                    break;
                case PrepaidValueResold r:
                    Move(held, r.Id, r.Lot, r.Seller, r.Buyer, r.FaceValue);
                    break;
            }
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(GeneratedCase.ScaledSize)]
    public void The_gang_and_the_middleman_never_spend_more_cash_than_came_in(int events)
    {
        var facts = new CaseFacts(GeneratedCase.OfSize(events));
        var cash = new Dictionary<string, decimal>();
        void Add(string account, decimal amount, string id)
        {
            if (facts.RoleOf(account) is not (AccountRole.Fraudster or AccountRole.Middleman)) return;
            cash[account] = cash.GetValueOrDefault(account) + amount;
            Assert.True(cash[account] >= 0, $"{account} overdrawn by {id}");
        }
        foreach (var e in InTimeOrder(GeneratedCase.OfSize(events)))
        {
            switch (e)
            {
                case FundsTransferred t:
                    Add(t.To, t.Amount, t.Id);
                    Add(t.From, -t.Amount, t.Id);
                    break;
                case PrepaidValuePurchased p:
                    Add(p.Buyer, -p.Paid, p.Id);
                    break;
                case PrepaidValueResold r:
                    Add(r.ReceivingAccount, r.Price, r.Id);
                    break;
            }
        }
        Assert.NotEmpty(cash);
    }

    private static void Move(Dictionary<(string, string), decimal> held, string id, string lot, string from, string to, decimal? faceValue)
    {
        var has = held.GetValueOrDefault((from, lot));
        var moved = faceValue ?? has;
        Assert.True(moved > 0 && moved <= has, $"{id}: {from} moves {moved} of lot {lot} but holds {has}");
        held[(from, lot)] = has - moved;
        held[(to, lot)] = held.GetValueOrDefault((to, lot)) + moved;
    }

    /// <summary>As the tracing model applies them: by instant, ties in recorded order (OrderBy is stable).</summary>
    private static IEnumerable<CaseEvent> InTimeOrder(IEnumerable<CaseEvent> events) => events.OrderBy(e => e.At);
}
