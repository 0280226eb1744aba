using System.Globalization;
using LaunderTrail.Evidence;

namespace LaunderTrail.Generation.Statements;

/// <summary>
/// Decides which accounts' statements an inquiry would hold and what each of them shows (pure, no I/O):
/// <list type="bullet">
/// <item>the suspects' own accounts (fraudsters, the middleman) that take part in a transfer, as their institutions
/// return them to the police;</item>
/// <item>for every transfer no suspect's statement of the transfer's channel shows, the sender's, as the victim hands
/// it in (the channel decides the layout: a bank transfer is on a bank statement, an Alipay one on an Alipay bill);</item>
/// <item>every transfer on the statement of each of its two accounts that has one, so transfers between two such
/// accounts appear twice, each side with its own serial and the same local time.</item>
/// </list>
/// A few rows that record no completed move are added, as real statements have them.
/// </summary>
internal static class StatementPlan
{
    /// <summary>Statements show local time in China without an offset.</summary>
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    public static StatementSet Build(IEnumerable<CaseEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var facts = events.ToList();
        var identifications = facts.OfType<AccountIdentified>().ToList();
        var identities = new StatementIdentities(identifications);
        var roles = new Dictionary<string, AccountRole>(StringComparer.Ordinal);
        foreach (var identified in identifications.OrderBy(i => i.At)) roles[identified.Account] = identified.Role;
        var transfers = facts.OfType<FundsTransferred>().ToList();

        var holders = Holders(transfers, identities, roles);
        var lines = holders.ToDictionary(h => h, _ => new List<StatementLine>(), StringComparer.Ordinal);
        foreach (var transfer in transfers)
        {
            var at = transfer.At.ToOffset(Beijing);
            if (lines.TryGetValue(transfer.From, out var sent))
                sent.Add(new StatementLine(at, transfer.Amount, false, identities[transfer.To], null, LineOutcome.Completed, transfer.Id));
            if (lines.TryGetValue(transfer.To, out var received))
                received.Add(new StatementLine(at, transfer.Amount, true, identities[transfer.From], null, LineOutcome.Completed, transfer.Id));
        }

        var statements = new List<Statement>();
        foreach (var profile in Enum.GetValues<StatementProfile>())
        {
            var skippedRowsAdded = new HashSet<AccountRole>();
            foreach (var holder in holders.Where(h => identities[h].Profile == profile))
            {
                var owner = identities[holder];
                var role = roles.GetValueOrDefault(holder);
                var rows = lines[holder].OrderBy(l => l.At).ToList();
                // One of each kind of skipped row per layout and side of the case: enough to be seen, few enough to read.
                if (skippedRowsAdded.Add(role)) rows = SkippedRows.Add(profile, role, rows);
                statements.AddRange(Files(owner, rows));
            }
        }
        statements = statements.Select((s, index) => Numbered(s, index)).ToList();

        return new StatementSet(statements, facts.Where(f => f is not FundsTransferred).ToList(), transfers, Aliases(statements));
    }

    /// <summary>The accounts whose statements the folder holds, in the order the case first names them.</summary>
    private static List<string> Holders(List<FundsTransferred> transfers, StatementIdentities identities, Dictionary<string, AccountRole> roles)
    {
        var holders = new HashSet<string>(StringComparer.Ordinal);
        foreach (var transfer in transfers)
            foreach (var account in new[] { transfer.From, transfer.To })
                if (roles.GetValueOrDefault(account) is AccountRole.Fraudster or AccountRole.Middleman)
                    holders.Add(account);
        foreach (var transfer in transfers)
        {
            var channel = ChannelProfile(transfer.Channel);
            bool Shows(string account) => holders.Contains(account) && identities[account].Profile == channel;
            if (Shows(transfer.From) || Shows(transfer.To)) continue;
            var receiverFits = identities[transfer.To].Profile == channel && identities[transfer.From].Profile != channel;
            holders.Add(receiverFits ? transfer.To : transfer.From);
        }
        var order = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var transfer in transfers)
        {
            order.TryAdd(transfer.From, order.Count);
            order.TryAdd(transfer.To, order.Count);
        }
        return holders.OrderBy(h => order[h]).ToList();
    }

    private static StatementProfile ChannelProfile(string? channel) => channel switch
    {
        "alipay" => StatementProfile.Alipay,
        "wechat" => StatementProfile.WeChat,
        _ => StatementProfile.CnBank,
    };

    /// <summary>
    /// One file per account; a WeChat bill is exported in two parts, split at the day of its middle row, the earlier
    /// as CSV and the later as XLSX (WeChat moved its export to XLSX in 2025), as an investigator asking twice gets it.
    /// </summary>
    private static IEnumerable<Statement> Files(StatementAccount owner, List<StatementLine> rows)
    {
        var name = StatementProfiles.Name(owner.Profile) + "-" + owner.Account;
        if (owner.Profile != StatementProfile.WeChat || rows.Count < 2)
        {
            yield return new Statement(owner, name + ".csv", Xlsx: false, rows);
            yield break;
        }
        var splitDay = rows[rows.Count / 2].At.Date;
        var earlier = rows.Where(r => r.At.Date < splitDay).ToList();
        var later = rows.Where(r => r.At.Date >= splitDay).ToList();
        if (earlier.Count > 0) yield return new Statement(owner, $"{name}-{Day(earlier[0])}-to-{Day(earlier[^1])}.csv", Xlsx: false, earlier);
        yield return new Statement(owner, $"{name}-{Day(later[0])}-to-{Day(later[^1])}.xlsx", Xlsx: true, later);
    }

    private static string Day(StatementLine line) => line.At.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Gives each row its serial and, on bank statements, its balance after the row.</summary>
    private static Statement Numbered(Statement statement, int index)
    {
        var balance = OpeningBalance(statement, index);
        var rows = new List<StatementLine>(statement.Lines.Count);
        foreach (var line in statement.Lines)
        {
            if (line.Outcome == LineOutcome.Completed) balance += line.Incoming ? line.Amount : -line.Amount;
            rows.Add(line with { Serial = Serial(statement.Profile, index, rows.Count, line.At), Balance = balance });
        }
        return statement with { Lines = rows };
    }

    /// <summary>What the account held before the first row: enough that the balance never goes below zero.</summary>
    private static decimal OpeningBalance(Statement statement, int index)
    {
        decimal running = 0, lowest = 0;
        foreach (var line in statement.Completed)
        {
            running += line.Incoming ? line.Amount : -line.Amount;
            lowest = Math.Min(lowest, running);
        }
        return Math.Ceiling(-lowest) + 200 + index % 17 * 53.17m;
    }

    private static string Serial(StatementProfile profile, int statement, int row, DateTimeOffset at)
    {
        var day = at.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        var n = string.Create(CultureInfo.InvariantCulture, $"{statement:D4}{row:D6}");
        return profile switch
        {
            StatementProfile.CnBank => string.Create(CultureInfo.InvariantCulture, $"{at:yyyyMMddHHmmss}{n}"),
            StatementProfile.Alipay => day + "22001" + n + "1",
            _ => "1000050001" + day + n + "01",
        };
    }

    private static List<(string Shown, string Account)> Aliases(IEnumerable<Statement> statements)
    {
        var aliases = new SortedDictionary<string, string>(StringComparer.Ordinal);
        void Add(string shown, string account)
        {
            if (aliases.TryGetValue(shown, out var other) && other != account)
                throw new InvalidOperationException($"'{shown}' would name both {other} and {account}");
            aliases[shown] = account;
        }
        foreach (var statement in statements)
        {
            Add(statement.Owner.Number, statement.Owner.Account);
            // A WeChat bill names its holder by nickname only: the investigator's alias table ties that name to the account.
            if (statement.Profile == StatementProfile.WeChat) Add(statement.Owner.Holder, statement.Owner.Account);
            foreach (var line in statement.Lines)
            {
                if (line.Counterparty is not { } counterparty) continue;
                Add(StatementColumns.Counterparty(statement.Profile, counterparty), counterparty.Account);
            }
        }
        return aliases.Select(a => (a.Key, a.Value)).ToList();
    }
}
