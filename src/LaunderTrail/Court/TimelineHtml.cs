using System.Net;
using System.Text;

namespace LaunderTrail.Court;

/// <summary>
/// timeline.html: one self-contained page (no scripts, fonts or images fetched) that prints as a numbered
/// document: A4 pages, "page n of m" in the margin, no event split across two pages.
/// </summary>
internal static class TimelineHtml
{
    private const string Style =
        """
        body { font-family: Georgia, "Times New Roman", serif; font-size: 11pt; line-height: 1.4; margin: 2em auto; max-width: 50em; color: #000; }
        h1 { font-size: 18pt; } h2 { font-size: 14pt; margin-top: 1.5em; }
        dl.scope dt { font-weight: bold; float: left; clear: left; width: 11em; } dl.scope dd { margin-left: 12em; }
        ol.events > li { margin-bottom: 0.8em; break-inside: avoid; page-break-inside: avoid; }
        .when { font-weight: bold; white-space: nowrap; }
        .retracted .what { text-decoration: line-through; }
        .mark { font-weight: bold; border: 1px solid #000; padding: 0 0.3em; font-size: 9pt; }
        .meta, .notes { font-size: 9.5pt; color: #333; margin: 0.2em 0 0 0; padding-left: 1.2em; }
        .hash { font-family: monospace; word-break: break-all; }
        table { border-collapse: collapse; margin: 0.5em 0; break-inside: avoid; page-break-inside: avoid; }
        th, td { border: 1px solid #999; padding: 0.2em 0.5em; text-align: left; vertical-align: top; }
        td.n, th.n { text-align: right; white-space: nowrap; }
        section.figures { break-before: page; page-break-before: always; }
        @page { size: A4; margin: 20mm 18mm 22mm 18mm;
          @bottom-center { content: "Page " counter(page) " of " counter(pages); font-size: 9pt; } }
        @media print { body { margin: 0; max-width: none; } a { color: inherit; text-decoration: none; } }
        """;

    public static void Write(TimelineModel model, TextWriter output)
    {
        var html = new StringBuilder();
        var currency = TimelineText.Currency(model);
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
            .Append(E(TimelineText.Title(model))).Append("</title>\n<style>\n").Append(Style).Append("\n</style>\n</head>\n<body>\n");
        html.Append("<h1>").Append(E(TimelineText.Title(model))).Append("</h1>\n<dl class=\"scope\">\n");
        Term(html, "Shows", E(TimelineText.Scope(model)));
        Term(html, "From", $"{E(TimelineText.Knowledge(model))} ({E(TimelineText.Records(model))})");
        Term(html, TimelineText.RulesTerm(model), E(TimelineText.Rules(model)));
        Term(html, "Hash-chain head", $"<span class=\"hash\">{HashChain.Hex(model.ChainHead)}</span>");
        Term(html, "Times and amounts", $"times with the offset the evidence gave; amounts in {E(currency)}");
        html.Append("</dl>\n");

        html.Append("<h2>Events</h2>\n<ol class=\"events\">\n");
        foreach (var entry in model.Entries)
        {
            html.Append(entry.IsRetracted ? "<li class=\"retracted\">" : "<li>");
            if (entry.IsRetracted) html.Append("<span class=\"mark\">RETRACTED</span> ");
            html.Append("<span class=\"when\">").Append(E(Display.Moment(entry.Record.Fact.At))).Append("</span>: <span class=\"what\">")
                .Append(E(entry.Description)).Append("</span>\n<ul class=\"meta\"><li>").Append(E(TimelineText.Provenance(entry))).Append("</li>");
            foreach (var note in TimelineText.Notes(entry)) html.Append("<li>").Append(E(note)).Append("</li>");
            html.Append("</ul></li>\n");
            BundleOutput.FlushIfFull(html, output);
        }
        html.Append("</ol>\n");

        html.Append("<section class=\"figures\">\n<h2>Totals (").Append(E(currency)).Append(")</h2>\n<table>\n<tr><th></th>");
        foreach (var report in model.Reports) html.Append("<th class=\"n\">").Append(TimelineText.RuleName(report)).Append("</th>");
        html.Append("</tr>\n");
        foreach (var (label, figure) in TimelineText.Totals)
        {
            html.Append("<tr><th>").Append(E(label)).Append("</th>");
            foreach (var report in model.Reports) Cell(html, Display.Amount(figure(report.Totals)), numeric: true);
            html.Append("</tr>\n");
        }
        html.Append("</table>\n");

        // Victims, resale buyers and what was left out do not depend on the rule: any report of the bundle gives them.
        var first = model.Reports[0];
        html.Append("<h2>Victims</h2>\n<table>\n<tr><th>Victim</th><th>Accounts</th><th class=\"n\">Loss</th></tr>\n");
        foreach (var victim in first.Victims)
            Row(html, (victim.Holder, false), (string.Join(", ", victim.Accounts), false), (Display.Amount(victim.Loss), true));
        html.Append("</table>\n");

        html.Append("<h2>Resale buyers</h2>\n<table>\n<tr><th>Account</th><th>Holder</th><th>Product</th><th class=\"n\">Face value</th>")
            .Append("<th class=\"n\">Price</th><th>Discount rate</th><th class=\"n\">Resales</th></tr>\n");
        foreach (var m in first.Merchants)
            Row(html, (m.Account, false), (TimelineText.Holder(m.Holder), false), (m.Product, false), (Display.Amount(m.FaceValue), true),
                (Display.Amount(m.Price), true), (Display.Rate(m.DiscountRate), false), (Display.Count(m.Resales), true));
        html.Append("</table>\n");

        foreach (var report in model.Reports)
        {
            html.Append("<h2>Victims' money reaching resale buyers (").Append(TimelineText.RuleName(report)).Append(")</h2>\n<table>\n")
                .Append("<tr><th>Victim</th><th>Buyer account</th><th>Buyer</th><th class=\"n\">Face value</th><th class=\"n\">Cash</th></tr>\n");
            foreach (var victim in report.Victims)
            foreach (var reached in victim.Reached)
                Row(html, (victim.Holder, false), (reached.Account, false), (TimelineText.Holder(reached.Holder), false),
                    (Display.Amount(reached.FaceValue), true), (Display.Amount(reached.Cash), true));
            html.Append("</table>\n");
        }

        html.Append("<h2>Left out of the figures</h2>\n");
        if (first.Problems.Count == 0) html.Append("<p>None.</p>\n");
        else
        {
            html.Append("<ul>\n");
            foreach (var problem in first.Problems.OrderBy(p => p.Id, StringComparer.Ordinal))
                html.Append("<li>").Append(E(problem.Id)).Append(": ").Append(E(problem.Reason)).Append("</li>\n");
            html.Append("</ul>\n");
        }
        html.Append("</section>\n</body>\n</html>\n");
        output.Write(html);
    }

    private static void Term(StringBuilder html, string term, string definitionHtml) =>
        html.Append("<dt>").Append(E(term)).Append("</dt><dd>").Append(definitionHtml).Append("</dd>\n");

    private static void Row(StringBuilder html, params (string Text, bool Numeric)[] cells)
    {
        html.Append("<tr>");
        foreach (var (text, numeric) in cells) Cell(html, text, numeric);
        html.Append("</tr>\n");
    }

    private static void Cell(StringBuilder html, string text, bool numeric) =>
        html.Append(numeric ? "<td class=\"n\">" : "<td>").Append(E(text)).Append("</td>");

    private static string E(string text) => WebUtility.HtmlEncode(VisibleText.Of(text));
}
