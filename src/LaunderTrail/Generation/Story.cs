using LaunderTrail.Evidence;

namespace LaunderTrail.Generation;

/// <summary>What every part of the generated case shares: the case number, the one random sequence and the ids.</summary>
internal sealed class Story(GenerationOptions options)
{
    public static readonly TimeSpan ChinaStandardTime = TimeSpan.FromHours(8);

    public string Case { get; } = options.Case;

    public SplitMix64 Random { get; } = new(options.Seed);

    public EventIds Ids { get; } = new();

    public static DateTimeOffset Beijing(int month, int day, int hour, int minute) =>
        new(2019, month, day, hour, minute, 0, ChinaStandardTime);

    public DateTimeOffset Later(DateTimeOffset time, int minMinutes, int maxMinutes) =>
        time.AddMinutes(Random.Between(minMinutes, maxMinutes));

    public AccountIdentified Identified(DateTimeOffset at, string account, string holder, AccountRole role,
        string? institution, string source) => new()
    {
        Id = EventIds.Identification(account), Case = Case, At = at, Account = account, Holder = holder,
        Role = role, Institution = institution, Source = source,
    };
}
