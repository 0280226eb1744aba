using LaunderTrail.Evidence;
using LaunderTrail.Tracing;

namespace LaunderTrail.Court;

/// <summary>
/// The timeline of a case computed from its chained records: the events shown (by <c>at</c>, ties in recording
/// order), each with its plain-language sentence, retractions, running victim losses and resale rates, and the
/// flow report under each of the bundle's rules (<see cref="BundleParameters.Rules"/>). The renderers only lay this out.
/// </summary>
internal sealed class TimelineModel
{
    private TimelineModel(BundleParameters parameters, IReadOnlyList<ChainedRecord> records, byte[] chainHead,
        IReadOnlyList<TimelineEntry> entries, IReadOnlyList<FlowReport> reports)
    {
        Parameters = parameters;
        Records = records;
        ChainHead = chainHead;
        Entries = entries;
        Reports = reports;
    }

    public BundleParameters Parameters { get; }

    /// <summary>Every record in the bundle, in recording order.</summary>
    public IReadOnlyList<ChainedRecord> Records { get; }

    public byte[] ChainHead { get; }
    public IReadOnlyList<TimelineEntry> Entries { get; }

    /// <summary>The flow report under each of <see cref="BundleParameters.Rules"/>, in that order.</summary>
    public IReadOnlyList<FlowReport> Reports { get; }

    public static TimelineModel Build(IReadOnlyList<ChainedRecord> recordsInRecordingOrder, BundleParameters parameters,
        byte[] chainHead)
    {
        var facts = recordsInRecordingOrder.Select(r => r.Fact).ToList();
        var withdrawn = CaseTimeline.Withdrawn(facts);
        var accounts = AccountBook.From(facts.OfType<AccountIdentified>().Where(a => !withdrawn.Contains(a.Id)));
        var shown = recordsInRecordingOrder
            .Where(r => parameters.AsOf is null || r.Fact.At <= parameters.AsOf.Value)
            .OrderBy(r => r.Fact.At.UtcTicks)
            .ThenBy(r => r.Seq)
            .ToList();
        var language = new PlainLanguage(accounts, ProductOfLot(shown, withdrawn));
        var timeline = CaseTimeline.Of(facts, parameters.AsOf);
        var reports = parameters.Rules
            .Select(rule => FlowTracer.Trace(parameters.Case, timeline, rule, parameters.AsOf))
            .ToList();
        var leftOut = reports.SelectMany(r => r.Problems)
            .GroupBy(p => p.Id, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Reason, StringComparer.Ordinal);
        var retractionsOf = facts.OfType<EventRetracted>().ToLookup(r => r.Retracts, StringComparer.Ordinal);

        var progress = new RunningFigures(accounts);
        var entries = new List<TimelineEntry>(shown.Count);
        foreach (var record in shown)
        {
            var fact = record.Fact;
            var isWithdrawn = withdrawn.Contains(fact.Id);
            var figures = isWithdrawn ? RunningFigures.Step.None : progress.After(fact);
            entries.Add(new TimelineEntry(
                record,
                language.Describe(fact, figures.ResoldFaceValue),
                isWithdrawn ? retractionsOf[fact.Id].ToList() : [],
                leftOut.GetValueOrDefault(fact.Id),
                figures.Losses,
                figures.DiscountRate));
        }

        return new TimelineModel(parameters, recordsInRecordingOrder, chainHead, entries, reports);
    }

    /// <summary>The product of each lot, from its first purchase still in force.</summary>
    private static Dictionary<string, string> ProductOfLot(IEnumerable<ChainedRecord> records, HashSet<string> withdrawn)
    {
        var products = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var purchase in records.Select(r => r.Fact).OfType<PrepaidValuePurchased>())
        {
            if (!withdrawn.Contains(purchase.Id)) products.TryAdd(purchase.Lot, purchase.Product);
        }
        return products;
    }
}
