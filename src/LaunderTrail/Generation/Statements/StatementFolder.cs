using System.Text;
using LaunderTrail.Evidence;

namespace LaunderTrail.Generation.Statements;

/// <summary>
/// A case as the folder an investigator assembles from an inquiry's replies: one statement per account in its
/// institution's layout and encoding, the facts that are not transfers as interchange JSON Lines, the alias file that
/// links every number the statements show to the case's accounts, and a manifest of how to import each file.
/// Importing the folder in the manifest's order records the case's transfers exactly (same accounts, amounts,
/// instants and currency) and its other facts unchanged. Pure: the caller writes the files.
/// </summary>
public static class StatementFolder
{
    public const string OtherFacts = "other-facts.jsonl";
    public const string Aliases = "aliases.csv";
    public const string Manifest = "statements.tsv";
    public const string ReadMe = "README.txt";

    /// <summary>The folder's files: the read-me, the manifest, the aliases, the other facts, then the statements.</summary>
    public static IReadOnlyList<StatementFile> Files(IEnumerable<CaseEvent> events)
    {
        var set = StatementPlan.Build(events);
        var caseNumber = set.Transfers.Count > 0 ? set.Transfers[0].Case : set.OtherFacts.FirstOrDefault()?.Case ?? "";
        var files = new List<StatementFile>
        {
            new(ReadMe, Utf8(ReadMeText(set, caseNumber))),
            new(Manifest, Utf8(ManifestText(set))),
            new(Aliases, Bytes(output =>
            {
                using var csv = new StatementCsv(output, new UTF8Encoding(false, true));
                csv.Row(["shown", "account"]);
                foreach (var (shown, account) in set.Aliases) csv.Row([shown, account]);
            })),
            new(OtherFacts, Bytes(output => CaseEventJsonLines.Write(set.OtherFacts, output))),
        };
        files.AddRange(set.Statements.Select(s => new StatementFile(s.File, Bytes(output => Write(s, output)))));
        return files;
    }

    private static void Write(Statement statement, Stream output)
    {
        switch (statement.Profile)
        {
            case StatementProfile.CnBank: CnBankStatementCsv.Write(statement, output); break;
            case StatementProfile.Alipay: AlipayBillCsv.Write(statement, output); break;
            case StatementProfile.WeChat when statement.Xlsx: WeChatBillXlsx.Write(statement, output); break;
            default: WeChatBill.WriteCsv(statement, output); break;
        }
    }

    private static string ManifestText(StatementSet set)
    {
        var text = new StringBuilder("file\tprofile\taccount\n");
        foreach (var s in set.Statements)
            text.Append(s.File).Append('\t').Append(StatementProfiles.Name(s.Profile)).Append('\t').Append(s.Owner.Account).Append('\n');
        return text.ToString();
    }

    private static string ReadMeText(StatementSet set, string caseNumber)
    {
        var text = new StringBuilder()
            .Append("Case ").Append(caseNumber).Append(" as the statements its banks and payment platforms returned.\n")
            .Append("Written by `laundertrail generate --statements`: the same options always give the same bytes.\n\n")
            .Append(OtherFacts).Append(": every fact that is not a money transfer (accounts identified, loans, prepaid value,\n")
            .Append("helpers), in the interchange format.\n")
            .Append(Manifest).Append(": each statement, its profile and the account it belongs to (--account).\n")
            .Append(Aliases).Append(": every card number, login or masked number the statements show, and the case's account.\n\n")
            .Append("Import the other facts first, then the statements in the manifest's order. Facts at the same instant\n")
            .Append("are traced in the order they were recorded; in this order they give the case's own flow report:\n\n")
            .Append("  laundertrail import ").Append(OtherFacts).Append('\n');
        foreach (var s in set.Statements)
            text.Append("  laundertrail import ").Append(s.File).Append(" --case ").Append(caseNumber)
                .Append(" --profile ").Append(StatementProfiles.Name(s.Profile)).Append(" --account ").Append(s.Owner.Account)
                .Append(" --aliases ").Append(Aliases).Append('\n');
        return text.ToString();
    }

    private static byte[] Utf8(string text) => new UTF8Encoding(false, true).GetBytes(text);

    private static byte[] Bytes(Action<Stream> write)
    {
        using var buffer = new MemoryStream();
        write(buffer);
        return buffer.ToArray();
    }
}
