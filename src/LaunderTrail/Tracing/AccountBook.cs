using LaunderTrail.Evidence;

namespace LaunderTrail.Tracing;

/// <summary>
/// Who holds each account and in what role. An identification describes the account, not a moment of its
/// history, so it applies to all of the account's events and an as-of moment does not hide it; when an account
/// is identified twice the later <c>at</c> wins, and at the same instant the one recorded later.
/// </summary>
internal sealed class AccountBook
{
    private readonly Dictionary<string, AccountIdentified> identifications;

    private readonly Lazy<IReadOnlyList<(string Holder, IReadOnlyList<string> Accounts)>> victims;
    private readonly Lazy<Dictionary<string, int>> victimNumbers;

    private AccountBook(Dictionary<string, AccountIdentified> identifications)
    {
        this.identifications = identifications;
        victims = new Lazy<IReadOnlyList<(string Holder, IReadOnlyList<string> Accounts)>>(VictimsByHolder);
        victimNumbers = new Lazy<Dictionary<string, int>>(() =>
            victims.Value.Select((victim, number) => (victim.Holder, number)).ToDictionary(StringComparer.Ordinal));
    }

    /// <param name="identificationsInRecordingOrder">The case's identifications still in force.</param>
    public static AccountBook From(IEnumerable<AccountIdentified> identificationsInRecordingOrder)
    {
        var latest = new Dictionary<string, AccountIdentified>(StringComparer.Ordinal);
        foreach (var identification in identificationsInRecordingOrder)
        {
            if (!latest.TryGetValue(identification.Account, out var earlier) ||
                identification.At.UtcDateTime >= earlier.At.UtcDateTime)
                latest[identification.Account] = identification;
        }
        return new AccountBook(latest);
    }

    public AccountRole RoleOf(string account) =>
        identifications.TryGetValue(account, out var identification) ? identification.Role : AccountRole.Other;

    public string HolderOf(string account) =>
        identifications.TryGetValue(account, out var identification) ? identification.Holder : "";

    public bool IsVictim(string account) => RoleOf(account) == AccountRole.Victim;

    /// <summary>
    /// A victim's number: her place in <see cref="Victims"/>. Fixed by the identifications alone, so every rule traced
    /// from one book, on whichever thread, numbers her the same.
    /// </summary>
    public int VictimNumber(string holder) => victimNumbers.Value[holder];

    /// <summary>Every victim holder with her accounts, both sorted ordinally.</summary>
    public IReadOnlyList<(string Holder, IReadOnlyList<string> Accounts)> Victims() => victims.Value;

    private List<(string Holder, IReadOnlyList<string> Accounts)> VictimsByHolder() =>
        identifications.Values
            .Where(identification => identification.Role == AccountRole.Victim)
            .GroupBy(identification => identification.Holder, StringComparer.Ordinal)
            .OrderBy(victim => victim.Key, StringComparer.Ordinal)
            .Select(victim => (victim.Key,
                (IReadOnlyList<string>)victim.Select(i => i.Account).Order(StringComparer.Ordinal).ToList()))
            .ToList();
}
