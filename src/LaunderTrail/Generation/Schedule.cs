namespace LaunderTrail.Generation;

/// <summary>
/// When the callers reach their victims: contacts are spread evenly over the working hours of
/// 28 April to 5 June 2019 and taken by the callers in turn, 20 victims each, which is the report's
/// 15–16 victims a month per caller. Slots past the last one carry on at the same pace.
/// </summary>
internal sealed class Schedule(int callers)
{
    public const int ReferenceCallers = 12;
    public const int VictimsPerCaller = 20;
    public const int Days = 39;

    private static readonly DateTimeOffset FirstDay = Story.Beijing(4, 28, 0, 0);
    private const long WorkingSecondsPerDay = 12 * 3600;
    private const int FirstCallHour = 9;

    public int Callers { get; } = callers;

    public long Slots => (long)Callers * VictimsPerCaller;

    public DateTimeOffset ContactAt(long slot)
    {
        var workingSecond = slot * Days * WorkingSecondsPerDay / Slots;
        return FirstDay
            .AddDays(workingSecond / WorkingSecondsPerDay)
            .AddHours(FirstCallHour)
            .AddSeconds(workingSecond % WorkingSecondsPerDay);
    }

    public string CallerOf(long slot) => Cast.Caller((int)(slot % Callers));
}
