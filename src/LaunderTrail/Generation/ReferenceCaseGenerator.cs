using LaunderTrail.Evidence;

namespace LaunderTrail.Generation;

/// <summary>
/// Generates the "5·15" reference case (Ms Zheng's story first, then the Zheng gang's other victims and the
/// laundering of their money through Suning cards and Q coins), or the same story scaled to any number of
/// events for benchmarks. Lazy: events are made as they are enumerated and none is kept, so memory does not
/// grow with the size asked for. The same options always give the same events.
/// </summary>
public static class ReferenceCaseGenerator
{
    private const int LeakedBatchSlots = 10;
    private const int AccountRestockSlots = 40;

    /// <summary>Fewer events than a victim's round really takes, so a scaled case is never short of victims.</summary>
    private const int EventsPerSlotLowEstimate = 25;

    public static IEnumerable<CaseEvent> Generate(GenerationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegative(options.Events);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Case);

        if (options.Events == 0)
        {
            var reference = new Schedule(Schedule.ReferenceCallers);
            return Tell(options, reference, reference.Slots);
        }
        // More callers, not a longer calendar: the scaled case keeps the report's period and pace per caller.
        var slotsNeeded = (options.Events + EventsPerSlotLowEstimate - 1) / EventsPerSlotLowEstimate;
        var callers = Math.Max(Schedule.ReferenceCallers, (slotsNeeded + Schedule.VictimsPerCaller - 1) / Schedule.VictimsPerCaller);
        return Tell(options, new Schedule(callers), long.MaxValue).Take(options.Events);
    }

    private static IEnumerable<CaseEvent> Tell(GenerationOptions options, Schedule schedule, long slots)
    {
        var story = new Story(options);
        var rounds = new VictimRounds(story, new LaunderingRing(story), schedule);
        foreach (var e in Cast.Identify(story, schedule.Callers)) yield return e;
        foreach (var e in HelperTrades.OpeningAccountSales(story)) yield return e;
        for (long slot = 0; slot < slots; slot++)
        {
            if (slot % LeakedBatchSlots == 0) yield return LeakedOrderBatch(story, schedule, slot);
            if (slot > 0 && slot % AccountRestockSlots == 0)
                yield return HelperTrades.AccountRestock(story, schedule.ContactAt(slot).AddHours(-3));
            foreach (var e in rounds.Play(slot)) yield return e;
        }
    }

    /// <summary>The batch whose orders the callers work through next: it lists the next slots' victims.</summary>
    private static OrderDataSold LeakedOrderBatch(Story story, Schedule schedule, long firstSlot)
    {
        var victims = Enumerable.Range(0, LeakedBatchSlots).Select(i => Victim.AlipayOf(firstSlot + i)).ToArray();
        return firstSlot == 0
            ? MsZheng.LeakedOrderBatch(story, victims)
            : HelperTrades.OrderData(story, schedule.ContactAt(firstSlot).AddHours(-10), victims);
    }
}
