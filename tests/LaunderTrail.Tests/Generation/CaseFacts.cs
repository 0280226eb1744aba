using LaunderTrail.Evidence;

namespace LaunderTrail.Tests.Generation;

/// <summary>What the tests read off a list of events, computed here independently of the generator.</summary>
internal sealed class CaseFacts(IReadOnlyList<CaseEvent> events)
{
    public IReadOnlyDictionary<string, AccountIdentified> Accounts { get; } =
        events.OfType<AccountIdentified>().ToDictionary(a => a.Account, StringComparer.Ordinal);

    public IReadOnlyDictionary<string, string> ProductOfLot { get; } =
        events.OfType<PrepaidValuePurchased>().ToDictionary(p => p.Lot, p => p.Product, StringComparer.Ordinal);

    public AccountRole RoleOf(string account) => Accounts.TryGetValue(account, out var a) ? a.Role : AccountRole.Other;

    public bool IsVictim(string account) => RoleOf(account) == AccountRole.Victim;

    /// <summary>Each victim's loss as INTERCHANGE.md defines it, by holder.</summary>
    public IReadOnlyDictionary<string, decimal> LossByVictim()
    {
        var losses = Accounts.Values.Where(a => a.Role == AccountRole.Victim)
            .Select(a => a.Holder).Distinct().ToDictionary(h => h, _ => 0m);
        foreach (var e in events)
        {
            (string? From, string? To, decimal Amount) move = e switch
            {
                FundsTransferred t => (t.From, t.To, t.Amount),
                PrepaidValuePurchased p => (p.Buyer, p.ReceivingAccount, p.Paid),
                PrepaidValueTransferred t => (t.From, t.To, t.FaceValue ?? throw new InvalidOperationException(t.Id)),
                _ => (null, null, 0m),
            };
            if (move.From is not null && IsVictim(move.From) && !IsVictim(move.To!))
                losses[Accounts[move.From].Holder] += move.Amount;
        }
        return losses;
    }
}
