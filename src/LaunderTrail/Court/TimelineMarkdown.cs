using System.Text;

namespace LaunderTrail.Court;

/// <summary>timeline.md: the timeline for reading anywhere, as plain Markdown.</summary>
internal static class TimelineMarkdown
{
    public static void Write(TimelineModel model, TextWriter output)
    {
        var md = new StringBuilder();
        var currency = TimelineText.Currency(model);
        md.Append("# ").Append(Escape(TimelineText.Title(model))).Append("\n\n");
        md.Append("- Shows: ").Append(Escape(TimelineText.Scope(model))).Append('\n');
        md.Append("- From: ").Append(Escape(TimelineText.Knowledge(model))).Append(" (")
            .Append(Escape(TimelineText.Records(model))).Append(")\n");
        md.Append("- ").Append(TimelineText.RulesTerm(model)).Append(": ").Append(Escape(TimelineText.Rules(model))).Append('\n');
        md.Append("- Hash-chain head: ").Append(HashChain.Hex(model.ChainHead)).Append('\n');
        md.Append("- Times are shown with the offset the evidence gave; amounts are in ").Append(Escape(currency)).Append(".\n\n");

        md.Append("## Events\n\n");
        var number = 0;
        foreach (var entry in model.Entries)
        {
            md.Append(++number).Append(". ");
            if (entry.IsRetracted) md.Append("[RETRACTED] ");
            md.Append("**").Append(Display.Moment(entry.Record.Fact.At)).Append("**: ").Append(Escape(entry.Description)).Append('\n');
            md.Append("   - ").Append(Escape(TimelineText.Provenance(entry))).Append('\n');
            foreach (var note in TimelineText.Notes(entry)) md.Append("   - ").Append(Escape(note)).Append('\n');
            BundleOutput.FlushIfFull(md, output);
        }

        md.Append("\n## Totals (").Append(Escape(currency)).Append(")\n\n");
        md.Append("| |").AppendJoin("", model.Reports.Select(r => $" {TimelineText.RuleName(r)} |")).Append('\n');
        md.Append("| --- |").AppendJoin("", model.Reports.Select(_ => " ---: |")).Append('\n');
        foreach (var (label, figure) in TimelineText.Totals)
            md.Append("| ").Append(label).Append(" |")
                .AppendJoin("", model.Reports.Select(r => $" {Display.Amount(figure(r.Totals))} |")).Append('\n');

        // Victims, resale buyers and what was left out do not depend on the rule: any report of the bundle gives them.
        var first = model.Reports[0];
        md.Append("\n## Victims\n\n| Victim | Accounts | Loss |\n| --- | --- | ---: |\n");
        foreach (var victim in first.Victims)
            md.Append("| ").Append(Escape(victim.Holder)).Append(" | ").Append(Escape(string.Join(", ", victim.Accounts)))
                .Append(" | ").Append(Display.Amount(victim.Loss)).Append(" |\n");

        md.Append("\n## Resale buyers\n\n| Account | Holder | Product | Face value | Price | Discount rate | Resales |\n")
            .Append("| --- | --- | --- | ---: | ---: | --- | ---: |\n");
        foreach (var merchant in first.Merchants)
            md.Append("| ").Append(Escape(merchant.Account)).Append(" | ").Append(Escape(TimelineText.Holder(merchant.Holder)))
                .Append(" | ").Append(Escape(merchant.Product)).Append(" | ").Append(Display.Amount(merchant.FaceValue))
                .Append(" | ").Append(Display.Amount(merchant.Price)).Append(" | ").Append(Display.Rate(merchant.DiscountRate))
                .Append(" | ").Append(Display.Count(merchant.Resales)).Append(" |\n");

        foreach (var report in model.Reports)
        {
            md.Append("\n## Victims' money reaching resale buyers (").Append(TimelineText.RuleName(report)).Append(")\n\n")
                .Append("| Victim | Buyer account | Buyer | Face value | Cash |\n| --- | --- | --- | ---: | ---: |\n");
            foreach (var victim in report.Victims)
            foreach (var reached in victim.Reached)
                md.Append("| ").Append(Escape(victim.Holder)).Append(" | ").Append(Escape(reached.Account)).Append(" | ")
                    .Append(Escape(TimelineText.Holder(reached.Holder))).Append(" | ").Append(Display.Amount(reached.FaceValue))
                    .Append(" | ").Append(Display.Amount(reached.Cash)).Append(" |\n");
        }

        md.Append("\n## Left out of the figures\n\n");
        if (first.Problems.Count == 0) md.Append("None.\n");
        foreach (var problem in first.Problems.OrderBy(p => p.Id, StringComparer.Ordinal))
            md.Append("- ").Append(Escape(problem.Id)).Append(": ").Append(Escape(problem.Reason)).Append('\n');
        output.Write(md);
    }

    /// <summary>
    /// Evidence text is shown as written: controls and direction overrides as visible escapes (<see cref="VisibleText"/>),
    /// Markdown's own characters escaped.
    /// </summary>
    private static string Escape(string text)
    {
        var visible = VisibleText.Of(text);
        var escaped = new StringBuilder(visible.Length);
        foreach (var c in visible)
        {
            if (c is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '|' or '#') escaped.Append('\\');
            escaped.Append(c);
        }
        return escaped.ToString();
    }
}
