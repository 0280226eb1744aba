using LaunderTrail.Evidence;
using LaunderTrail.Tracing;

namespace LaunderTrail.Court;

/// <summary>The wording the Markdown and HTML timelines share, so the two always say the same thing.</summary>
internal static class TimelineText
{
    public static string Title(TimelineModel model) => $"Timeline of case {model.Parameters.Case}";

    public static string Scope(TimelineModel model) => model.Parameters.AsOf is { } asOf
        ? $"events that happened by {Display.Moment(asOf)}"
        : "every event, whenever it happened";

    public static string Knowledge(TimelineModel model) => model.Parameters.KnownAt is { } knownAt
        ? $"the evidence as recorded by {Display.Moment(knownAt)}"
        : "all the evidence recorded";

    public static string Records(TimelineModel model) => model.Records.Count == 0
        ? "no records"
        : $"{Display.Count(model.Records.Count)} records, seq {model.Records[0].Seq} to {model.Records[^1].Seq}";

    /// <summary>"Tracing rule" or "Tracing rules", as many as the bundle's figures are traced under.</summary>
    public static string RulesTerm(TimelineModel model) => model.Reports.Count == 1 ? "Tracing rule" : "Tracing rules";

    /// <summary>Each rule the figures are traced under, by name, with what it means in plain language.</summary>
    public static string Rules(TimelineModel model) =>
        string.Join("; ", model.Reports.Select(report => $"{RuleName(report)} ({Meaning(report.Rule)})"));

    private static string Meaning(TracingRule rule) => rule switch
    {
        TracingRule.Fifo => "first in, first out: money leaving a mixed account is the money that arrived there first",
        TracingRule.ProRata => "money leaving a mixed account is taken from every source in proportion to its share",
        TracingRule.Libr => "lowest intermediate balance: money leaving a mixed account is the wrongdoer's own first, " +
                            "then the victims' in proportion to their shares",
        _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, "unknown tracing rule"),
    };

    public static string Currency(TimelineModel model) =>
        model.Records.Select(r => r.Fact).OfType<IMoneyFact>().Select(f => f.Currency).FirstOrDefault() ?? Currencies.Default;

    public static string Provenance(TimelineEntry entry)
    {
        var fact = entry.Record.Fact;
        return $"id {fact.Id}; source: {fact.Source ?? "not stated"}; record {entry.Record.Seq}, recorded " +
               HashChain.RenderRecordedAt(entry.Record.RecordedAt);
    }

    public static IEnumerable<string> Notes(TimelineEntry entry)
    {
        foreach (var retraction in entry.RetractedBy)
            yield return $"Retracted by event {retraction.Id} ({Display.Moment(retraction.At)}): {retraction.Reason}";
        if (entry.LeftOut is { } reason) yield return $"Left out of the figures: {reason}";
        if (entry.DiscountRate is { } rate) yield return $"Discount rate {Display.Rate(rate)}";
        if (entry.RunningLosses.Count > 0)
            yield return "Running loss: " + string.Join("; ",
                entry.RunningLosses.Select(l => $"{l.Holder} {Display.Amount(l.Loss)}"));
    }

    public static IReadOnlyList<(string Label, Func<FlowTotals, decimal> Figure)> Totals { get; } =
    [
        ("Victims' loss", t => t.VictimLoss),
        ("Prepaid value bought (face value)", t => t.PrepaidFaceValue),
        ("Paid for prepaid value", t => t.PrepaidPaid),
        ("Prepaid value resold (face value)", t => t.ResoldFaceValue),
        ("Cash paid by resale buyers", t => t.ResaleCash),
        ("Laundering cost", t => t.LaunderingCost),
    ];

    public static string RuleName(FlowReport report) => TracingRules.Name(report.Rule);

    public static string Holder(string holder) => holder.Length == 0 ? "(not identified)" : holder;
}
